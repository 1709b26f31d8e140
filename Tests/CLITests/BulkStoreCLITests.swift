import Foundation
import Store
import XCTest

/// `interscreen bulk` takes the one compute path (ledger lookup, compute step, one-transaction
/// record): every point and the relaxation are rows, and a rerun answers all of them from the store.
final class BulkStoreCLITests: XCTestCase {
    func testRerunAnswersEveryPointAndTheRelaxationFromTheStore() throws {
        let cli = try CLIHarness()
        let cell = CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-alpha.extxyz").path
        let db = cli.path("bulk.sqlite")
        let arguments = ["bulk", cell, "--series", "1x1x1,1x1x2", "--threshold", "1000", "--relax",
                         "--relax-cycles", "5", "--db", db, "--json"]
        let first = try cli.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr + first.stdout)
        let computed = try XCTUnwrap(first.jsonLines.first { $0["type"] as? String == "bulk" }, first.stdout)
        let points = try XCTUnwrap(computed["points"] as? [[String: Any]])
        XCTAssertEqual(points.count, 2, "\(computed)")
        XCTAssertEqual(points.map { $0["cached"] as? Bool }, [false, false])
        let relaxation = try XCTUnwrap(computed["relaxation"] as? [String: Any], "\(computed)")
        XCTAssertEqual(relaxation["cached"] as? Bool, false)

        let store = try ResultsStore(path: db)
        let rows = try store.calculations()
        XCTAssertEqual(Set(rows.compactMap(\.id)), Set(points.compactMap { ($0["calculation_id"] as? Int).map(Int64.init) })
            .union([(relaxation["calculation_id"] as? Int).map(Int64.init)].compactMap { $0 }),
                       "each point and the relaxed geometry is a calculation row")
        XCTAssertEqual(try store.optimizations().count, 1)
        XCTAssertTrue(rows.allSatisfy { $0.engine.hasPrefix("tblite ") }, "\(rows.map(\.engine))")

        let second = try cli.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr + second.stdout)
        let cached = try XCTUnwrap(second.jsonLines.first { $0["type"] as? String == "bulk" }, second.stdout)
        let again = try XCTUnwrap(cached["points"] as? [[String: Any]])
        XCTAssertEqual(again.map { $0["cached"] as? Bool }, [true, true])
        XCTAssertEqual(again.map { $0["energy_hartree"] as? Double }, points.map { $0["energy_hartree"] as? Double })
        XCTAssertEqual(again.map { $0["calculation_id"] as? Int }, points.map { $0["calculation_id"] as? Int })
        let relaxedAgain = try XCTUnwrap(cached["relaxation"] as? [String: Any])
        XCTAssertEqual(relaxedAgain["cached"] as? Bool, true)
        XCTAssertEqual(relaxedAgain["optimization_id"] as? Int, relaxation["optimization_id"] as? Int)
        XCTAssertEqual(relaxedAgain["calculation_id"] as? Int, relaxation["calculation_id"] as? Int)
        XCTAssertEqual(relaxedAgain["relaxed_per_unit_hartree"] as? Double, relaxation["relaxed_per_unit_hartree"] as? Double)
        XCTAssertEqual(try store.calculations().count, rows.count, "the rerun added no calculation")
        XCTAssertEqual(try store.optimizations().count, 1)
    }

    /// A supercell whose SCC fails at the requested iterations is retried as everywhere else (4×,
    /// at least 1000: the same physics, so the energy of a run asking for 1000 directly), and a rerun
    /// asking for the same settings is answered from the store without retrying.
    func testFailedSCCIsRetriedAndTheRerunIsACacheHit() throws {
        let cli = try CLIHarness()
        let cell = CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-alpha.extxyz").path
        let db = cli.path("retry.sqlite")
        func energy(_ run: CLIHarness.Result) throws -> (Double?, Bool?) {
            let line = try XCTUnwrap(run.jsonLines.first { $0["type"] as? String == "bulk" }, run.stdout)
            let point = try XCTUnwrap((line["points"] as? [[String: Any]])?.first, "\(line)")
            return (point["energy_hartree"] as? Double, point["cached"] as? Bool)
        }
        let arguments = ["bulk", cell, "--series", "1x1x1", "--iterations", "2", "--db", db, "--json"]
        let first = try cli.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr + first.stdout)
        let store = try ResultsStore(path: db)
        let used = try XCTUnwrap(try store.settings(hash: try XCTUnwrap(try store.calculations().first).settingsHash))
        XCTAssertEqual(used.maxIterations, 1000, "stored with the settings that converged")

        let direct = try cli.run(["bulk", cell, "--series", "1x1x1", "--iterations", "1000", "--db",
                                  cli.path("direct.sqlite"), "--json"])
        XCTAssertEqual(direct.status, 0, direct.stderr + direct.stdout)
        let (retried, retriedCached) = try energy(first)
        XCTAssertEqual(retriedCached, false)
        XCTAssertEqual(try XCTUnwrap(retried), try XCTUnwrap(try energy(direct).0), accuracy: 1e-9)

        let second = try cli.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr + second.stdout)
        let (again, cached) = try energy(second)
        XCTAssertEqual(cached, true)
        XCTAssertEqual(again, retried)
        XCTAssertEqual(try store.calculations().count, 1)
        XCTAssertEqual(try store.failures().count, 0)
    }
}
