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
}
