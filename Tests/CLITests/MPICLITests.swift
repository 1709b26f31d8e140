import Foundation
import XCTest

/// Real `mpirun`: every rank reaches rank 0 through the CMPI shim.
final class MPICLITests: XCTestCase {
    func testMPIInfoUnderMPIRunReportsEveryRank() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path, "mpi-info"],
                                 executable: CampaignCLITests.mpirun)
        XCTAssertEqual(result.status, 0, result.stderr)
        for rank in 0..<3 {
            XCTAssertTrue(result.stdout.contains("rank \(rank) of 3"), result.stdout)
        }
    }

    func testWithoutMPIRunTheToolIsASingleton() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["mpi-info"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("rank 0 of 1"), result.stdout)
    }
}
