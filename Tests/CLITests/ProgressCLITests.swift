import Foundation
import XCTest

/// `run` into a log (not a terminal): a predicted ETA before anything finishes, and progress lines
/// while a long task runs, not only when tasks finish.
final class ProgressCLITests: XCTestCase {
    /// A 75-atom interface product: its single point takes seconds, long enough for heartbeats.
    static let product = CLIHarness.repository
        .appendingPathComponent("clusters/models/optimized/CsPbI3-delta-8fu-001_zn1_k1_pb5_im1_o0.extxyz").path

    func testALogShowsAPredictedETAAndHeartbeatsDuringALongTask() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec(
            extraStructures: ["[[structures]]\nname = \"product\"\nfiles = \"\(Self.product)\"\n"])
        // One worker rank, so while it computes the product nothing else can finish.
        let run = try cli.run(["-n", "2", "--oversubscribe", CLIHarness.binary.path, "run", spec,
                               "--db", cli.path("job.sqlite"), "--log-interval", "0.1"],
                              executable: CampaignCLITests.mpirun)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(" done, ") }
        let first = try XCTUnwrap(lines.first, run.stderr)
        XCTAssertTrue(first.contains("0/9 done") && first.contains("(predicted)"), String(first))
        // A finished task reports with its rank idle again ("0 running" on one worker), so a line
        // with a task running can only come from the coordinator's heartbeat.
        XCTAssertTrue(lines.contains { $0.contains(", 1 running,") }, run.stderr)
        XCTAssertTrue(try XCTUnwrap(lines.last).hasPrefix("[") && lines.last!.contains("9/9 done"), run.stderr)
    }
}
