import XCTest
@testable import Campaign

/// Every batch system is named, with its own submission tool; an unknown one is refused by name
/// instead of being handed to another's tool.
final class BatchSchedulerTests: XCTestCase {
    func testEachKindIsSubmittedWithItsOwnTool() throws {
        XCTAssertEqual(try BatchRequest.Scheduler(parsing: "slurm"), .slurm)
        XCTAssertEqual(try BatchRequest.Scheduler(parsing: "PBS"), .pbs)
        let slurm = BatchRequest.Scheduler.slurm.submission(of: "/w/job.sh")
        XCTAssertEqual(slurm.tool, "sbatch")
        XCTAssertEqual(slurm.arguments, ["--parsable", "/w/job.sh"])
        let pbs = BatchRequest.Scheduler.pbs.submission(of: "/w/job.sh")
        XCTAssertEqual(pbs.tool, "qsub")
        XCTAssertEqual(pbs.arguments, ["/w/job.sh"])
    }

    func testAnUnknownBatchSystemIsRefusedByName() {
        for name in ["lsf", "sge", ""] {
            XCTAssertThrowsError(try BatchRequest.Scheduler(parsing: name)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("unknown batch system \"\(name)\""), text)
                XCTAssertTrue(text.contains("slurm or pbs"), text)
            }
        }
    }

    func testTheJobIDIsReadAsEachToolPrintsIt() {
        XCTAssertEqual(BatchRequest.Scheduler.slurm.jobID(in: "4242\n"), "4242")
        XCTAssertEqual(BatchRequest.Scheduler.slurm.jobID(in: "4242;cluster-a\n"), "4242")
        XCTAssertEqual(BatchRequest.Scheduler.pbs.jobID(in: "1234.pbs-server\n"), "1234.pbs-server")
        XCTAssertNil(BatchRequest.Scheduler.pbs.jobID(in: "  \n"))
    }
}
