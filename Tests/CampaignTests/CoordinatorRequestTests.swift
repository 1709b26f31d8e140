import Foundation
import XCTest
import Engine
import Scheduler
import Store
import Structures
import Work
@testable import Campaign

/// Rank 0 records through `WorkLedger`: a result computed under other settings than requested
/// (an SCC retry) writes its request row in the burst's transaction, and a later campaign asking
/// with the requested settings is answered by it, flags included. Read through a second connection.
final class CoordinatorRequestTests: XCTestCase {
    private let requested = Settings(method: .gfn2, maxIterations: 5)
    /// What `SCCRetryPolicy` tries first after an SCC failure: the same physics, more iterations.
    private var used: Settings { SCCRetryPolicy.retries(after: requested)[0].settings }

    private func waters(_ count: Int) -> [Structure] { CoordinatorFixtures.waters(count) }

    private func databasePath() -> String { CoordinatorFixtures.databasePath(self) }

    private func report(_ id: Int, settings: Settings, flags: [TaskFlag], attempts: Int) -> [UInt8] {
        let result = CalculationResult(energy: -5.07 - 0.001 * Double(id), gradient: [[0, 0, 1e-3], [0, 1e-3, 0], [0, -1e-3, 0]],
                                       charges: [-0.6, 0.3, 0.3], gapEV: 14.4, sccIterations: 9, sccConverged: true,
                                       wallSeconds: 0.25, engine: XTBCalculator.engineVersion)  // as a worker records it
        return TaskReport(id: id, report: WorkReport(settingsUsed: settings, result: result, attempts: attempts, flags: flags),
                          wallSeconds: 0.3, host: "worker", startedAt: Date(timeIntervalSince1970: 1_796_000_000)).encoded()
    }

    private func plan(_ campaign: String, _ structures: [Structure]) -> CampaignPlan {
        CampaignPlan(campaign: campaign, tasks: structures.enumerated().map { i, s in
            PlannedTask(index: i, key: "\(s.name)/sp", kind: .singlePoint, structureName: s.name, input: s,
                        settings: requested, predictedSeconds: Double(10 - i))
        })
    }

    func testARetriedResultWritesItsRequestWithTheBurstAndAnswersTheNextCampaign() throws {
        XCTAssertNotEqual(used.hash, requested.hash, "the retry must change the settings for this test to mean anything")
        let path = databasePath()
        let store = try ResultsStore(path: path)
        let structures = waters(2)
        let first = try CampaignCoordinator(plan: plan("first", structures), store: store,
                                            runID: try store.beginRun(command: ["t"], version: "v", host: "h").id ?? 0,
                                            host: "h", version: "v")
        let orders = first.nextTasks(limit: 2)
        XCTAssertEqual(orders.count, 2)
        first.complete([FinishedTask(id: 0, result: report(0, settings: used, flags: [.sccRetryMoreIterations], attempts: 2), rank: 1),
                        FinishedTask(id: 1, result: report(1, settings: requested, flags: [], attempts: 1), rank: 2)])

        let reader = try ResultsStore(path: path)
        let rows = try reader.tasks(campaign: "first")
        XCTAssertEqual(rows.map(\.state), [.done, .done])
        let requests = try reader.workRequests()
        XCTAssertEqual(requests.count, 1, "only the retried result needs a request row: \(requests)")
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.structureHash, structures[0].contentHash)
        XCTAssertEqual(request.requestedSettingsHash, requested.hash)
        XCTAssertEqual(request.usedSettingsHash, used.hash)
        XCTAssertEqual(request.calculationID, rows[0].calculationID)
        XCTAssertEqual(request.flags, [.sccRetryMoreIterations])
        XCTAssertEqual(request.attempts, 2)
        XCTAssertEqual(try reader.calculation(id: XCTUnwrap(rows[0].calculationID))?.settingsHash, used.hash)

        // Another campaign with the same requests: both answered at start, nothing handed out.
        let calculations = try reader.calculations().count
        let second = try CampaignCoordinator(plan: plan("second", structures), store: store,
                                             runID: try store.beginRun(command: ["t"], version: "v", host: "h").id ?? 0,
                                             host: "h", version: "v")
        XCTAssertTrue(second.isDrained || second.nextTasks(limit: 2).isEmpty, "nothing to compute")
        let answered = try reader.tasks(campaign: "second")
        XCTAssertEqual(answered.map(\.state), [.done, .done])
        XCTAssertEqual(answered.map(\.calculationID), rows.map(\.calculationID))
        XCTAssertEqual(answered.map(\.flags), [[.sccRetryMoreIterations], []], "the retried answer keeps its flags")
        XCTAssertEqual(try reader.calculations().count, calculations)
    }
}
