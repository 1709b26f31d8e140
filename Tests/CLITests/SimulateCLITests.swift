import Foundation
import XCTest

/// `interscreen simulate` replays the durations a real campaign recorded.
final class SimulateCLITests: XCTestCase {
    func testReplayRespectsItsBoundsAndReportsTheExactPredictionCeiling() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let db = cli.path("recorded.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", db]).status, 0)

        // One worker never waits: makespan = Σ durations for every policy.
        for row in try replay(cli, db, ["--ranks", "1"]) {
            XCTAssertEqual(row["efficiency"] as? Double ?? 0, 1, accuracy: 1e-9, "\(row)")
        }
        let rows = try replay(cli, db, ["--ranks", "8", "--tasks", "300"])
        XCTAssertEqual(rows.map { $0["predictions"] as? String }, ["recorded", "recorded", "history", "composition", "exact"])
        let busy = Set(rows.compactMap { $0["busy_seconds"] as? Double })
        XCTAssertEqual(busy.count, 1, "every policy replays the same tasks")
        for row in rows {
            XCTAssertEqual(row["tasks"] as? Int, 300)
            let makespan = try XCTUnwrap(row["makespan_seconds"] as? Double)
            let bound = try XCTUnwrap(row["lower_bound_seconds"] as? Double)
            XCTAssertGreaterThanOrEqual(makespan, bound * (1 - 1e-12), "no schedule beats the lower bound: \(row)")
            XCTAssertLessThanOrEqual(try XCTUnwrap(row["efficiency"] as? Double), 1 + 1e-12)
        }
        let text = try cli.run(["simulate", "--db", db, "--ranks", "8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("exact"), text.stdout)
    }

    private func replay(_ cli: CLIHarness, _ db: String, _ arguments: [String]) throws -> [[String: Any]] {
        let out = try cli.run(["simulate", "--db", db, "--json"] + arguments)
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
    }
}
