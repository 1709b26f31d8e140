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
