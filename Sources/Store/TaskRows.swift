import Foundation
import GRDB

/// `tasks` rows read and written through cached statements bound by hand: resuming a campaign
/// reads every row (100,000 for a large screen) and the coordinator updates one per event.
/// Same columns and formats as `TaskRecord`'s Codable mapping (tested against it).
enum TaskRows {
    private static let columns = [
        "id", "campaign", "key", "kind", "structure_name", "input_hash", "definition_hash", "settings_hash", "state",
        "attempts", "crashes", "predicted_seconds", "wall_seconds", "calculation_id", "output_hash", "failure_class",
        "message", "flags", "rank", "host", "run_id", "started_at", "finished_at"]
    private static let quoted: [String] = columns.map { "\"\($0)\"" }
    private static let selectSQL: String = "SELECT " + quoted.joined(separator: ",") + " FROM tasks"
    private static let insertSQL: String = {
        let names: String = quoted.dropFirst().joined(separator: ",")
        let marks: String = Array(repeating: "?", count: columns.count - 1).joined(separator: ",")
        return "INSERT INTO tasks (\(names)) VALUES (\(marks))"
    }()
    private static let updateSQL: String = {
        let assignments: [String] = quoted.dropFirst().map { "\($0) = ?" }
        return "UPDATE tasks SET \(assignments.joined(separator: ",")) WHERE id = ?"
    }()

    /// The rows of `campaign` (all campaigns when nil), in id order; `expected` rows are reserved.
    static func fetch(campaign: String?, expected: Int, _ db: Database) throws -> [TaskRecord] {
        // `+campaign`: scan the table in rowid order. With the index SQLite searched
        // (campaign, state) and then sorted all rows by id in a temporary B-tree (~0.3 s for 100,000).
        let sql = selectSQL + (campaign == nil ? "" : " WHERE +campaign = ?") + " ORDER BY id"
        var binder = StatementBinder(try db.cachedStatement(sql: sql))
        if let campaign { binder.text(campaign) }
        defer { binder.reset() }
        var rows: [TaskRecord] = []
        rows.reserveCapacity(expected)
        while try binder.step(db) { rows.append(try decode(binder.columns)) }
        return rows
    }

    /// Inserts `task` (its `id` is set).
    static func insert(_ task: inout TaskRecord, _ db: Database) throws {
        var binder = StatementBinder(try db.cachedStatement(sql: insertSQL))
        bind(task, &binder)
        try binder.run(db)
        task.id = db.lastInsertedRowID
    }

    /// Overwrites the row `task.id`; throws `RecordError.recordNotFound` when there is none.
    static func update(_ task: TaskRecord, _ db: Database) throws {
        guard let id = task.id else {
            throw RecordError.recordNotFound(databaseTableName: TaskRecord.databaseTableName, key: ["id": .null])
        }
        var binder = StatementBinder(try db.cachedStatement(sql: updateSQL))
        bind(task, &binder)
        binder.integer(id)
        try binder.run(db)
        guard db.changesCount > 0 else {
            throw RecordError.recordNotFound(databaseTableName: TaskRecord.databaseTableName, key: ["id": id.databaseValue])
        }
    }

    private static func bind(_ t: TaskRecord, _ binder: inout StatementBinder) {
        binder.text(t.campaign)
        binder.text(t.key)
        binder.text(t.kind)
        binder.text(t.structureName)
        binder.text(t.inputHash)
        binder.text(t.definitionHash)
        binder.text(t.settingsHash)
        binder.text(t.state.rawValue)
        binder.integer(t.attempts)
        binder.integer(t.crashes)
        binder.real(t.predictedSeconds)
        binder.real(t.wallSeconds)
        binder.integer(t.calculationID)
        binder.text(t.outputHash)
        binder.text(t.failureClass)
        binder.text(t.message)
        binder.text(t.flagsText)
        binder.integer(t.rank)
        binder.text(t.host)
        binder.integer(t.runID)
        if let date = t.startedAt { binder.text(bytes: DatabaseTimestamp.bytes(date)) } else { binder.text(nil) }
        if let date = t.finishedAt { binder.text(bytes: DatabaseTimestamp.bytes(date)) } else { binder.text(nil) }
    }

    private static func decode(_ c: ColumnReader) throws -> TaskRecord {
        let key = c.string(2)
        guard let state = c.text(8).flatMap(TaskState.init(rawValue:)) else {
            throw StoreError.corruptRow(table: TaskRecord.databaseTableName, key: key, "unknown state \(c.string(8))")
        }
        var t = TaskRecord(campaign: c.string(1), key: key, kind: c.string(3), structureName: c.string(4),
                           inputHash: c.text(5), definitionHash: c.string(6), settingsHash: c.string(7),
                           predictedSeconds: c.double(11) ?? 0)
        t.id = c.int64(0)
        t.state = state
        t.attempts = c.int(9) ?? 0
        t.crashes = c.int(10) ?? 0
        t.wallSeconds = c.double(12)
        t.calculationID = c.int64(13)
        t.outputHash = c.text(14)
        t.failureClass = c.text(15)
        t.message = c.text(16)
        t.flagsText = c.text(17)
        t.rank = c.int(18)
        t.host = c.text(19)
        t.runID = c.int64(20)
        t.startedAt = c.date(21)
        t.finishedAt = c.date(22)
        return t
    }
}
