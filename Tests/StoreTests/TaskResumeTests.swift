import Foundation
import XCTest
@testable import Store

/// Task rows in a real SQLite file: resume bookkeeping after crashes and spec changes.
final class TaskResumeTests: XCTestCase {
    private func planned(_ key: String, definition: String = "d1") -> TaskRecord {
        TaskRecord(campaign: "c", key: key, kind: "singlepoint", structureName: key, inputHash: nil,
                   definitionHash: definition, settingsHash: "s", predictedSeconds: 1)
    }

    func testTaskRunningDuringTwoCrashesIsQuarantined() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var rows = try store.syncTasks(campaign: "c", planned: [planned("a"), planned("b")])
        for crash in 1...2 {
            rows[0].state = .running
            try store.updateTask(rows[0])
            let recovered = try store.recoverCrashedTasks(campaign: "c")
            XCTAssertEqual(recovered.map(\.key), ["a"])
            XCTAssertEqual(recovered[0].crashes, crash)
            XCTAssertEqual(recovered[0].state, crash == 1 ? .pending : .quarantined)
            rows = try store.tasks(campaign: "c")
        }
        XCTAssertEqual(rows[1].state, .pending, "a task that was not running is untouched")
    }

    /// A job whose engine computed in helper processes died as a whole (kill -9, preemption): the
    /// tasks it left running go back to pending with no crash counted, however often it happens.
    /// Those of an in-process run (or a run that did not record its engine) still count a crash.
    func testTaskLeftRunningByAnIsolatedRunCountsNoCrash() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var rows = try store.syncTasks(campaign: "c", planned: [planned("a"), planned("b"), planned("c")])
        for _ in 1...3 {
            let isolated = try store.beginRun(command: ["run"], version: "t", host: "h", engineIsolation: "isolated")
            let inProcess = try store.beginRun(command: ["run"], version: "t", host: "h", engineIsolation: "in-process")
            let unknown = try store.beginRun(command: ["run"], version: "t", host: "h")
            for (index, run) in [isolated, inProcess, unknown].enumerated() where rows[index].state != .quarantined {
                rows[index].state = .running
                rows[index].runID = run.id
            }
            try store.updateTasks(rows)
            _ = try store.recoverCrashedTasks(campaign: "c")
            rows = try store.tasks(campaign: "c")
        }
        XCTAssertEqual(rows[0].state, .pending)
        XCTAssertEqual(rows[0].crashes, 0)
        XCTAssertNil(rows[0].failureClass)
        XCTAssertTrue(rows[0].message?.contains("no crash counted") == true, rows[0].message ?? "")
        for row in rows[1...] {
            XCTAssertEqual(row.state, .quarantined, row.key)
            XCTAssertEqual(row.crashes, 2, row.key)
        }
        let run = try XCTUnwrap(try store.run(id: rows[0].runID ?? 0))
        XCTAssertEqual(run.engineIsolation, "isolated", "the column round-trips")
    }

    func testSyncKeepsStateUnlessTheDefinitionChanged() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var rows = try store.syncTasks(campaign: "c", planned: [planned("a"), planned("b")])
        rows[0].state = .done
        rows[1].state = .done
        try store.updateTasks(rows)
        let again = try store.syncTasks(campaign: "c", planned: [planned("a"), planned("b", definition: "d2")])
        XCTAssertEqual(again.map(\.state), [.done, .pending])
        XCTAssertEqual(again.map(\.id), rows.map(\.id), "rows are updated in place, not duplicated")
        XCTAssertEqual(try store.tasks().count, 2)
    }
}
