import Foundation
import XCTest

/// `estimate` (calibrated once a database has history) and `plan` (a few seconds of timing).
final class EstimatePlanCLITests: XCTestCase {
    func testEstimateUsesHistoryOnceThereIsSome() throws {
        let cli = try CLIHarness()
        let spec = try HPCFixture(cli: cli).deadlineSpec()
        let fresh = try cli.run(["estimate", spec, "--ranks", "4", "--json"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        let before = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fresh.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(before["remaining_tasks"] as? Int, 10)
        XCTAssertEqual(before["history_samples"] as? Int, 0)
        let makespan = try XCTUnwrap(before["makespan_seconds"] as? Double)
        let work = try XCTUnwrap(before["work_seconds"] as? Double)
        // The Zn optimisation and its single point form the critical path; 4 ranks cannot beat it.
        XCTAssertGreaterThanOrEqual(makespan, try XCTUnwrap(before["lower_bound_seconds"] as? Double) - 1e-9)
        XCTAssertGreaterThanOrEqual(makespan * 4, work - 1e-9)
        XCTAssertEqual(try XCTUnwrap(before["core_hours"] as? Double), 4 * makespan / 3600, accuracy: 1e-12)

        XCTAssertEqual(try cli.run(["run", spec]).status, 0)
        let after = try cli.run(["estimate", spec, "--ranks", "4", "--all"])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.contains("model: calibrated from 9 finished task(s)"), after.stdout)  // zn/sp: from the cache
        XCTAssertTrue(after.stdout.contains("makespan"), after.stdout)
        let left = try cli.run(["estimate", spec, "--ranks", "4"])
        XCTAssertTrue(left.stdout.contains("10 tasks, 0 still to run"), left.stdout)
    }

    func testPlanTimesEverySplitAndRecommendsOne() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["plan", "--cores", "2", "--seconds", "0.3", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let splits = try XCTUnwrap(object["splits"] as? [[String: Any]])
        XCTAssertEqual(splits.map { "\($0["ranks"] ?? 0)x\($0["threads"] ?? 0)" }, ["2x1", "1x2"])
        XCTAssertTrue(splits.allSatisfy { ($0["tasks_per_second"] as? Double ?? 0) > 0 })
        let best = try XCTUnwrap(object["best"] as? [String: Int])
        let fastest = splits.max { ($0["tasks_per_second"] as? Double ?? 0) < ($1["tasks_per_second"] as? Double ?? 0) }
        XCTAssertEqual(best["ranks"], fastest?["ranks"] as? Int)
    }
}
