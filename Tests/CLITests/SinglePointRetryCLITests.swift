import Foundation
import Store
import Structures
import XCTest
import XTBOracle

/// `interscreen sp` retries a failed SCC exactly as campaign workers do (one compute step).
final class SinglePointRetryCLITests: XCTestCase {
    /// The committed δ-CsPbI3 fragment does not converge in 5 SCC iterations (the `xtb` program
    /// stops there too); `sp` retries with 1000, flags the retry, and the stored row carries the
    /// settings that converged. Its energy is the `xtb` program's with 1000 iterations.
    func testFailedSCCIsRetriedFlaggedAndStoredWithTheSettingsUsed() throws {
        let cli = try CLIHarness()
        let file = CLIHarness.repository.appendingPathComponent("clusters/models/CsPbI3-delta-8fu-001.extxyz").path
        let structure = try StructureFile.read(path: file)
        XCTAssertThrowsError(try XTBBinaryOracle.run(structure, arguments: ["--iterations", "5"]),
                             "the case must fail at 5 iterations for this test to mean anything")
        let db = cli.path("retry.sqlite")
        let run = try cli.run(["sp", file, "--iterations", "5", "--db", db, "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let line = try XCTUnwrap(run.jsonLines.first, run.stdout)
        XCTAssertEqual(line["ok"] as? Bool, true, "\(line)")
        XCTAssertEqual(line["attempts"] as? Int, 2, "\(line)")
        XCTAssertEqual(line["flags"] as? [String], ["scc_retry_more_iterations"], "\(line)")

        let store = try ResultsStore(path: db)
        let rows = try store.calculations()
        XCTAssertEqual(rows.count, 1)
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(line["settings_used_hash"] as? String, row.settingsHash)
        XCTAssertNotEqual(line["settings_hash"] as? String, row.settingsHash, "the row names the settings that converged")
        let used = try XCTUnwrap(try store.settings(hash: row.settingsHash))
        XCTAssertEqual(used.maxIterations, 1000)
        XCTAssertEqual(used.electronicTemperature, 300)
        XCTAssertTrue(row.sccConverged)
        XCTAssertEqual(try store.failures().count, 0)

        let oracle = try XTBBinaryOracle.run(structure, arguments: ["--iterations", "1000"])
        XCTAssertEqual(row.energyHartree, XTBBinaryOracle.parseTotalEnergy(oracle.stdout) ?? oracle.energy, accuracy: 1e-8)

        let table = try cli.run(["sp", file, "--iterations", "5", "--db", cli.path("table.sqlite")])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("computed [scc_retry_more_iterations]"), table.stdout)
    }

    /// Asking again with the settings that needed the retry is a cache hit: the store remembers
    /// which row answers the requested settings (computed under the ones that converged), so no
    /// retry is repeated, no row is added, and the answer keeps its energy and flags.
    func testRepeatedRetriedRequestIsACacheHitWithItsFlags() throws {
        let cli = try CLIHarness()
        let file = CLIHarness.repository.appendingPathComponent("clusters/models/CsPbI3-delta-8fu-001.extxyz").path
        let db = cli.path("again.sqlite")
        let first = try cli.run(["sp", file, "--iterations", "5", "--db", db, "--json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let computed = try XCTUnwrap(first.jsonLines.first, first.stdout)
        XCTAssertEqual(computed["cached"] as? Bool, false, "\(computed)")
        XCTAssertEqual(computed["attempts"] as? Int, 2, "the case must need the retry ladder: \(computed)")
        XCTAssertEqual(try ResultsStore(path: db).calculations().count, 1)

        let second = try cli.run(["sp", file, "--iterations", "5", "--db", db, "--json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let cached = try XCTUnwrap(second.jsonLines.first, second.stdout)
        XCTAssertEqual(cached["cached"] as? Bool, true, "\(cached)")
        XCTAssertEqual(cached["attempts"] as? Int, 0, "nothing was computed: \(cached)")
        XCTAssertEqual(cached["flags"] as? [String], ["scc_retry_more_iterations"], "\(cached)")
        XCTAssertEqual(cached["calculation_id"] as? Int, computed["calculation_id"] as? Int)
        XCTAssertEqual(cached["settings_used_hash"] as? String, computed["settings_used_hash"] as? String)
        XCTAssertEqual(cached["settings_hash"] as? String, computed["settings_hash"] as? String)
        XCTAssertEqual(cached["energy_hartree"] as? Double, computed["energy_hartree"] as? Double)

        let store = try ResultsStore(path: db)
        XCTAssertEqual(try store.calculations().count, 1, "the second run added no calculation")
        XCTAssertEqual(try store.failures().count, 0)
        let table = try cli.run(["sp", file, "--iterations", "5", "--db", db])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("cached [scc_retry_more_iterations]"), table.stdout)
        XCTAssertEqual(try store.calculations().count, 1)
    }
}
