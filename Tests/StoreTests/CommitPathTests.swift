import Foundation
import GRDB
import XCTest
import Engine
@testable import Store
import TestSupport

/// The hand-bound commit path writes what GRDB's records read back: dates, task rows, settings.
final class CommitPathTests: XCTestCase {
    /// Dates from 1901 to 2200, whole and fractional seconds, on both sides of 1970, from a seeded
    /// generator; plus dates that broke the record round trip before (a stored date a hair below its
    /// millisecond, which GRDB's formatter rounded up and the commit path truncated down).
    private var awkwardDates: [Date] {
        var generator = SeededGenerator.forTest("awkwardDates", seed: 20_261_203)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 0.9999),
                     Date(timeIntervalSince1970: 951_782_400.123), Date(timeIntervalSinceReferenceDate: 0),
                     Date(timeIntervalSince1970: 1_764_756_000.987), Date(timeIntervalSince1970: 1_700_000_000.987_6),
                     DatabaseTimestamp.date(seconds: 1_764_756_000, ms: 987), DatabaseTimestamp.date(seconds: 7_258_118_399, ms: 999),
                     DatabaseTimestamp.date(seconds: -2_000_000_001, ms: 1)]
        for _ in 0..<50_000 { dates.append(Date(timeIntervalSince1970: Double.random(in: -2.1e9...7.2e9, using: &generator))) }
        // Every millisecond of a few seconds now-ish, made the way `stored` makes them.
        for ms in 0..<3000 { dates.append(DatabaseTimestamp.date(seconds: 1_764_756_000 + Int64(ms / 1000), ms: ms % 1000)) }
        return dates
    }

    /// The property the record round trip rests on: what `stored` promises is a fixed point (storing
    /// it again changes nothing), has the same text, and both write paths produce that text.
    func testStoredDatesAreFixedPointsAndBothWritePathsAgree() throws {
        for date in awkwardDates {
            let stored = DatabaseTimestamp.stored(date)
            XCTAssertEqual(DatabaseTimestamp.stored(stored), stored, "\(date.timeIntervalSince1970)")
            XCTAssertEqual(DatabaseTimestamp.text(stored), DatabaseTimestamp.text(date), "\(date.timeIntervalSince1970)")
            let byRecord = TaskRecord.databaseDateEncodingStrategy(for: "finishedAt")
            guard case .custom(let encode) = byRecord else { return XCTFail("records encode dates with GRDB's formatter") }
            XCTAssertEqual(encode(stored)?.databaseValue, DatabaseTimestamp.text(stored).databaseValue)
        }
    }

    /// Task rows with many awkward finish times, each written by the hand-bound path and by GRDB's
    /// record encoding, read back equal through both readers.
    func testTaskRowsWithAwkwardDatesRoundTripThroughBothPaths() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let dates = Array(awkwardDates.prefix(10)) + awkwardDates.suffix(3000).enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        let planned = dates.indices.map { i in
            TaskRecord(campaign: "c", key: "t\(i)/sp", kind: "singlepoint", structureName: "t\(i)", inputHash: nil,
                       definitionHash: "d\(i)", settingsHash: "s", predictedSeconds: 1)
        }
        var rows = try store.syncTasks(campaign: "c", planned: planned)
        for (i, date) in dates.enumerated() {
            rows[i].startedAt = DatabaseTimestamp.stored(date)
            rows[i].finishedAt = DatabaseTimestamp.stored(date)
        }
        try store.updateTasks(rows)
        XCTAssertEqual(try store.tasks(campaign: "c"), rows)
        XCTAssertEqual(try store.pool.read { db in try TaskRecord.filter(Column("campaign") == "c").order(Column("id")).fetchAll(db) }, rows)
        try store.pool.write { db in
            for row in rows {
                var copy = row
                copy.id = nil
                copy.campaign = "d"
                try copy.insert(db)
            }
        }
        let copies = try store.tasks(campaign: "d")
        XCTAssertEqual(copies.map(\.finishedAt), rows.map(\.finishedAt))
        XCTAssertEqual(copies.map(\.startedAt), rows.map(\.startedAt))
    }

    func testTimestampsReadBackThroughGRDBsDecoderAsStored() throws {
        for date in awkwardDates {
            let text = DatabaseTimestamp.text(date)
            let decoded = try XCTUnwrap(Date.fromDatabaseValue(text.databaseValue))
            // Truncated to the millisecond (GRDB's DateFormatter rounds: the two differ by < 1 ms).
            XCTAssertLessThanOrEqual(decoded.timeIntervalSince(date), 1.2e-5, text)   // the 10-µs slack of `split`, plus Double ulps in 2200
            XCTAssertLessThan(date.timeIntervalSince(decoded), 1e-3, text)
            let byGRDB = try XCTUnwrap(Date.fromDatabaseValue(date.databaseValue))
            XCTAssertLessThanOrEqual(abs(byGRDB.timeIntervalSince(decoded)), 1.001e-3, text)
            XCTAssertEqual(DatabaseTimestamp.stored(date), decoded, text)
            let parsed = DatabaseTimestamp.bytes(date).withUnsafeBufferPointer(DatabaseTimestamp.date)
            XCTAssertEqual(parsed, decoded, text)
        }
    }

    func testTimestampParserFallsBackToGRDBForOtherForms() {
        for text in ["2024-02-29", "2024-02-29 13:45", "2024-02-29T13:45:01.5"] {
            let parsed = Array(text.utf8).withUnsafeBufferPointer(DatabaseTimestamp.date)
            XCTAssertEqual(parsed, Date.fromDatabaseValue(text.databaseValue), text)
        }
    }

    /// A task row with every field set, written by hand and read by GRDB's decoder, and back.
    func testTaskRowsRoundTripThroughTheRecordCoding() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let run = try store.beginRun(command: ["interscreen", "run"], version: "v", host: "h")
        var full = TaskRecord(campaign: "c", key: "a/opt", kind: "optimization", structureName: "a", inputHash: "in",
                              definitionHash: "def", settingsHash: "set", predictedSeconds: 0.1 + 0.2)
        let bare = TaskRecord(campaign: "c", key: "b/sp", kind: "singlepoint", structureName: "b", inputHash: nil,
                              definitionHash: "d2", settingsHash: "set", predictedSeconds: 3)
        var rows = try store.syncTasks(campaign: "c", planned: [full, bare])
        full.id = rows[0].id
        full.state = .quarantined
        full.attempts = 3
        full.crashes = 2
        full.wallSeconds = 1.0 / 3.0
        full.outputHash = "out"
        full.failureClass = "quarantined"
        full.message = "ünïcode — \"quoted\"\nsecond line"
        full.flags = [.electronicTemperatureRaised(kelvin: 1000), .optimizationNotConverged,
                      .topologyBroken("Zn lost N3, a ligand left"), .other("from a newer version")]
        full.rank = 17
        full.host = "node01"
        full.runID = run.id
        full.startedAt = DatabaseTimestamp.stored(Date(timeIntervalSince1970: 1_700_000_000.987_6))
        full.finishedAt = DatabaseTimestamp.stored(Date(timeIntervalSince1970: 1_764_756_000.986_999_9))
        rows[0] = full
        try store.updateTasks(rows)
        let decodedByGRDB = try store.pool.read { db in try TaskRecord.order(Column("id")).fetchAll(db) }
        XCTAssertEqual(decodedByGRDB, rows)
        XCTAssertEqual(try store.tasks(campaign: "c"), rows)
        // Rows written by GRDB's record encoding read back through the hand-written reader.
        try store.pool.write { db in
            var other = full
            other.id = nil
            other.campaign = "d"
            try other.insert(db)
        }
        var expected = full
        expected.campaign = "d"
        expected.id = try store.tasks(campaign: "d").first?.id
        XCTAssertEqual(try store.tasks(campaign: "d"), [expected])
        XCTAssertEqual(try store.tasks().count, 3)
    }

    func testUpdatingAMissingTaskThrows() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var task = TaskRecord(campaign: "c", key: "x", kind: "singlepoint", structureName: "x", inputHash: nil,
                              definitionHash: "d", settingsHash: "s", predictedSeconds: 1)
        task.id = 42
        XCTAssertThrowsError(try store.updateTask(task))
    }

    /// A plan in another order, with a task added in the middle and one dropped: rows are matched
    /// by key, not position.
    func testSyncMatchesRowsByKeyWhenThePlanIsReordered() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        func plan(_ key: String) -> TaskRecord {
            TaskRecord(campaign: "c", key: key, kind: "singlepoint", structureName: key, inputHash: nil,
                       definitionHash: "d", settingsHash: "s", predictedSeconds: 1)
        }
        var rows = try store.syncTasks(campaign: "c", planned: ["a", "b", "c"].map(plan))
        rows[1].state = .done
        try store.updateTasks(rows)
        let again = try store.syncTasks(campaign: "c", planned: ["c", "new", "b"].map(plan))
        XCTAssertEqual(again.map(\.key), ["c", "new", "b"])
        XCTAssertEqual(again.map(\.state), [.pending, .pending, .done])
        XCTAssertEqual(again[0].id, rows[2].id)
        XCTAssertEqual(again[2].id, rows[1].id)
        XCTAssertEqual(try store.tasks(campaign: "c").count, 4, "the dropped task's row stays")
    }

    /// The settings row is remembered as stored only after a commit: a first save that rolled
    /// back (non-finite gradient) must not stop the next one from inserting it.
    func testSettingsAreStoredAfterARolledBackFirstSave() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var bad = StoreFixtures.result(atoms: 3)
        bad.gradient[2][1] = .infinity
        XCTAssertThrowsError(try StoreFixtures.commitWater(store, hash: "w", result: bad))
        XCTAssertNil(try store.settings(hash: StoreFixtures.gfn2.hash), "rolled back with the calculation")
        XCTAssertNil(try store.structure(hash: "w"), "rolled back with the calculation")
        try StoreFixtures.commitWater(store, hash: "w")
        XCTAssertEqual(try store.settings(hash: StoreFixtures.gfn2.hash), StoreFixtures.gfn2)
        XCTAssertEqual(try store.counts().calculations, 1)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    /// `saveStructure` returns the row as a lookup reads it, without reading it back.
    func testSaveStructureReturnsTheStoredRow() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        for structure in [StoreFixtures.water, StoreFixtures.alpha] {
            let saved = try store.saveStructure(structure, hash: structure.contentHash, sourceFile: "f", parentHash: nil)
            XCTAssertEqual(try store.structureRecord(hash: structure.contentHash), saved)
            XCTAssertEqual(try store.saveStructure(structure, hash: structure.contentHash, sourceFile: "other"), saved)
        }
    }
}
