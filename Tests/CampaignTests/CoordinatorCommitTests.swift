import Foundation
import GRDB
import XCTest
import Engine
import Scheduler
@testable import Store
import Structures
import Work
@testable import Campaign

/// Rank 0's commits: tasks handed out together are marked running in the database before any
/// worker has them; results that arrive together are committed together, and a result that cannot
/// be used fails its own task only. Read back through a second connection, as `status` would.
final class CoordinatorCommitTests: XCTestCase {
    private let settings = Settings(method: .gfn2)

    private func waters(_ count: Int) -> [Structure] { CoordinatorFixtures.waters(count) }

    private func databasePath() -> String { CoordinatorFixtures.databasePath(self) }

    /// The same water under two names, the original predicted longer (so it is handed out first).
    private func twinTasks() -> [PlannedTask] {
        var twin = waters(1)[0]
        twin.name = "twin"
        return [waters(1)[0], twin].enumerated().map { i, s in
            PlannedTask(index: i, key: "\(s.name)/sp", kind: .singlePoint, structureName: s.name, input: s,
                        settings: settings, predictedSeconds: Double(2 - i))
        }
    }

    private func report(_ id: Int, energy: Double) -> [UInt8] {
        let result = CalculationResult(energy: energy, gradient: [[0, 0, 1e-3], [0, 1e-3, 0], [0, -1e-3, 0]],
                                       charges: [-0.6, 0.3, 0.3], gapEV: 14.4, sccIterations: 9, sccConverged: true,
                                       wallSeconds: 0.25, engine: XTBCalculator.engineVersion)  // as a worker records it
        return TaskReport(id: id, report: WorkReport(settingsUsed: settings, result: result, attempts: 1), wallSeconds: 0.3,
                          host: "worker", startedAt: Date()).encoded()
    }

    func testABurstOfResultsIsCommittedTogetherAndABadOneFailsAlone() throws {
        let path = databasePath()
        let store = try ResultsStore(path: path)
        let run = try store.beginRun(command: ["test"], version: "v", host: "h")
        let structures = waters(4)
        let tasks = structures.enumerated().map { i, s in
            PlannedTask(index: i, key: "\(s.name)/sp", kind: .singlePoint, structureName: s.name, input: s,
                        settings: settings, predictedSeconds: Double(10 - i))
        }
        let coordinator = try CampaignCoordinator(plan: CampaignPlan(campaign: "burst", tasks: tasks), store: store,
                                                  runID: run.id ?? 0, host: "h", version: "v")
        let reader = try ResultsStore(path: path)

        let orders = coordinator.nextTasks(limit: 3)
        XCTAssertEqual(orders.map(\.id), [0, 1, 2], "longest predicted first")
        XCTAssertEqual(try reader.tasks(campaign: "burst").map(\.state), [.running, .running, .running, .pending])
        let order = try TaskOrder.decode(orders[0].payload)
        XCTAssertEqual(order.structure.contentHash, structures[0].contentHash)

        let failed = TaskReport(id: 2, report: WorkReport(settingsUsed: settings, failureClass: .engine(.sccNotConverged),
                                                          message: "water-2/sp: SCC did not converge", attempts: 3),
                                wallSeconds: 2, host: "worker", startedAt: Date()).encoded()
        coordinator.complete([FinishedTask(id: 0, result: report(0, energy: -5.0705), rank: 1),
                              FinishedTask(id: 1, result: Array("not a report".utf8), rank: 2),
                              FinishedTask(id: 2, result: failed, rank: 3)])

        let rows = try reader.tasks(campaign: "burst")
        XCTAssertEqual(rows.map(\.state), [.done, .failed, .failed, .pending])
        XCTAssertEqual(rows.map(\.rank), [1, 2, 3, nil])
        let calculation = try XCTUnwrap(reader.calculation(id: try XCTUnwrap(rows[0].calculationID)))
        XCTAssertEqual(calculation.energyHartree, -5.0705)
        XCTAssertEqual(calculation.structureHash, structures[0].contentHash)
        XCTAssertEqual(rows[0].wallSeconds, 0.3)
        XCTAssertEqual(rows[1].failureClass, "internal")
        XCTAssertTrue(rows[1].message?.hasPrefix("water-1/sp: ") == true, rows[1].message ?? "")
        XCTAssertEqual(rows[2].failureClass, "scc_not_converged")
        XCTAssertEqual(rows[2].attempts, 3)
        XCTAssertEqual(try reader.counts().failuresByClass, ["internal": 1, "scc_not_converged": 1])
        XCTAssertEqual(coordinator.taskRows.map(\.state), rows.map(\.state))
        XCTAssertEqual(coordinator.progress.done, 1)
        XCTAssertEqual(coordinator.progress.failed, 2)

        // The last task: handed out and finished alone, as a single-process run does.
        let last = try XCTUnwrap(coordinator.nextTask())
        XCTAssertEqual(last.id, 3)
        coordinator.complete(id: 3, result: report(3, energy: -5.06), rank: 0)
        XCTAssertTrue(coordinator.isDrained)
        XCTAssertEqual(try reader.tasks(campaign: "burst").map(\.state), [.done, .failed, .failed, .done])
        XCTAssertEqual(try reader.counts().calculations, 2)
    }

    /// The same structure under two names: the second is answered from the first one's result
    /// when it comes up, without a worker.
    func testATaskWhoseResultIsAlreadyStoredIsAnsweredWhenItComesUp() throws {
        let store = try ResultsStore(path: databasePath())
        let run = try store.beginRun(command: ["test"], version: "v", host: "h")
        let tasks = twinTasks()
        let coordinator = try CampaignCoordinator(plan: CampaignPlan(campaign: "twins", tasks: tasks), store: store,
                                                  runID: run.id ?? 0, host: "h", version: "v")
        let first = try XCTUnwrap(coordinator.nextTask())
        coordinator.complete(id: first.id, result: report(first.id, energy: -5.07), rank: 1)
        XCTAssertNil(coordinator.nextTask())
        XCTAssertTrue(coordinator.isDrained)
        let rows = try store.tasks(campaign: "twins")
        XCTAssertEqual(rows.map(\.state), [.done, .done])
        XCTAssertEqual(rows[0].calculationID, rows[1].calculationID)
    }

    /// A row of one engine does not answer a task for another: the twin asks for tblite, so it is
    /// sent to a worker although libxtb's result for the same structure and settings is stored.
    func testAStoredResultOfAnotherEngineDoesNotAnswerATask() throws {
        let store = try ResultsStore(path: databasePath())
        let run = try store.beginRun(command: ["test"], version: "v", host: "h")
        var twin = waters(1)[0]
        twin.name = "twin"
        let tasks = [(waters(1)[0], EngineChoice.xtb), (twin, .tblite)].enumerated().map { i, pair in
            PlannedTask(index: i, key: "\(pair.0.name)/sp", kind: .singlePoint, structureName: pair.0.name, input: pair.0,
                        settings: settings, predictedSeconds: Double(2 - i), engine: pair.1)
        }
        let coordinator = try CampaignCoordinator(plan: CampaignPlan(campaign: "twins", tasks: tasks), store: store,
                                                  runID: run.id ?? 0, host: "h", version: "v")
        let first = try XCTUnwrap(coordinator.nextTask())
        coordinator.complete(id: first.id, result: report(first.id, energy: -5.07), rank: 1)
        let second = try XCTUnwrap(coordinator.nextTask(), "tblite's task must go to a worker")
        XCTAssertEqual(try TaskOrder.decode(second.payload).engine, .tblite)
        XCTAssertEqual(try store.tasks(campaign: "twins").map(\.state), [.done, .running])
    }

    /// A database that refuses writes (here `PRAGMA query_only` on the writer; on a cluster a full
    /// disk) stops the run with the store-failure signal; no task is failed, and a later run with a
    /// writable database finishes everything.
    func testADatabaseThatCannotBeWrittenStopsTheRunAndFailsNoTask() throws {
        let path = databasePath()
        let store = try ResultsStore(path: path)
        let structures = waters(3)
        let tasks = structures.enumerated().map { i, s in
            PlannedTask(index: i, key: "\(s.name)/sp", kind: .singlePoint, structureName: s.name, input: s,
                        settings: settings, predictedSeconds: Double(10 - i))
        }
        let plan = CampaignPlan(campaign: "full", tasks: tasks)
        func run() throws -> Int64 { try store.beginRun(command: ["test"], version: "v", host: "h").id ?? 0 }
        func readOnly(_ on: Bool) throws {
            try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = \(on ? 1 : 0)") }
        }
        func execute(_ payload: [UInt8]) -> [UInt8] {
            let id = (try? TaskOrder.decode(payload))?.id ?? -1
            return report(id, energy: -5.07 - Double(id))
        }

        // Handing out work is refused: nothing is sent, and the single-process loop stops.
        let stop = StopSignal(signals: [])
        let first = try CampaignCoordinator(plan: plan, store: store, runID: try run(), host: "h", version: "v", stop: stop)
        try readOnly(true)
        XCTAssertEqual(LocalRunner.run(source: first, stop: stop, execute: execute),
                       .stopped(signal: StopSignal.storeFailureSignal, abandoned: 0))
        XCTAssertTrue(first.storeFailure?.contains("readonly") == true, first.storeFailure ?? "")
        try readOnly(false)
        XCTAssertEqual(try store.tasks(campaign: "full").map(\.state), [.pending, .pending, .pending])

        // Results arrive, their commit is refused: the run stops, the tasks are not failed.
        let again = StopSignal(signals: [])
        let second = try CampaignCoordinator(plan: plan, store: store, runID: try run(), host: "h", version: "v", stop: again)
        let orders = second.nextTasks(limit: 2)
        XCTAssertEqual(orders.count, 2, second.storeFailure ?? "")
        try readOnly(true)
        second.complete(orders.map { FinishedTask(id: $0.id, result: execute($0.payload), rank: 1) })
        XCTAssertEqual(again.signalNumber, StopSignal.storeFailureSignal)
        XCTAssertEqual(second.progress.failed, 0)
        XCTAssertEqual(second.taskRows.map(\.state), [.pending, .pending, .pending])
        try readOnly(false)
        XCTAssertEqual(try store.counts().calculations, 0)
        XCTAssertEqual(try store.counts().failures, 0)

        // Writable again: a resumed run computes everything.
        let third = try CampaignCoordinator(plan: plan, store: store, runID: try run(), host: "h", version: "v")
        XCTAssertEqual(LocalRunner.run(source: third, stop: StopSignal(signals: []), execute: execute), .completed)
        let rows = try store.tasks(campaign: "full")
        XCTAssertEqual(rows.map(\.state), [.done, .done, .done])
        // The two whose results were lost still said `running` (the database refused that write too):
        // counted like a crash, as a kill at that moment would have been.
        XCTAssertEqual(rows.map(\.crashes), [1, 1, 0])
        let energies = try rows.map { try XCTUnwrap(store.calculation(id: try XCTUnwrap($0.calculationID))).energyHartree }
        XCTAssertEqual(energies, [-5.07, -6.07, -7.07])
    }

    /// Writing an answer from the database is on the durability path too: when the database refuses
    /// it, the run stops with the store-failure signal and the task is neither sent nor failed.
    func testACacheAnswerThatCannotBeWrittenStopsTheRun() throws {
        let store = try ResultsStore(path: databasePath())
        let run = try store.beginRun(command: ["test"], version: "v", host: "h")
        let tasks = twinTasks()
        let stop = StopSignal(signals: [])
        let coordinator = try CampaignCoordinator(plan: CampaignPlan(campaign: "twins", tasks: tasks), store: store,
                                                  runID: run.id ?? 0, host: "h", version: "v", stop: stop)
        let first = try XCTUnwrap(coordinator.nextTask())
        coordinator.complete(id: first.id, result: report(first.id, energy: -5.07), rank: 1)
        try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }
        XCTAssertTrue(coordinator.nextTasks(limit: 1).isEmpty, "nothing is sent once the database refuses writes")
        XCTAssertEqual(stop.signalNumber, StopSignal.storeFailureSignal)
        XCTAssertTrue(coordinator.storeFailure?.contains("readonly") == true, coordinator.storeFailure ?? "")
        XCTAssertEqual(coordinator.taskRows.map(\.state), [.done, .pending])
        XCTAssertEqual(coordinator.progress.failed, 0)
        try store.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 0") }
        XCTAssertEqual(try store.counts().failures, 0)
    }
}
