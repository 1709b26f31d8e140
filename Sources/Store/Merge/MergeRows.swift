import GRDB

/// Rows copied column by column between databases of the same schema: stored text and REAL
/// values move unchanged (dates keep their text, energies their bits).
enum MergeRows {
    /// Every row of `table`, in insertion (rowid) order.
    static func all(_ table: String, _ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
    }

    /// Inserts `row`'s columns (without `id`, with `overrides` applied) into `table`; returns the
    /// new row id, or nil when `orIgnore` and a unique key already held it.
    @discardableResult
    static func insert(_ row: Row, into table: String, overrides: [String: DatabaseValue] = [:],
                       orIgnore: Bool = false, _ db: Database) throws -> Int64? {
        let columns = row.columnNames.filter { $0 != "id" }
        let sql = "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ","))) "
            + "VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ",")))"
        let values = columns.map { overrides[$0] ?? (row[$0] as DatabaseValue) }
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
        return db.changesCount > 0 ? db.lastInsertedRowID : nil
    }

    /// Overwrites the row `id` of `table` with `row`'s columns (without `id`, with `overrides`).
    static func replace(id: Int64, in table: String, with row: Row, overrides: [String: DatabaseValue] = [:],
                        _ db: Database) throws {
        let columns = row.columnNames.filter { $0 != "id" }
        let sql = "UPDATE \(table) SET \(columns.map { "\"\($0)\" = ?" }.joined(separator: ",")) WHERE id = ?"
        let values = columns.map { overrides[$0] ?? (row[$0] as DatabaseValue) } + [id.databaseValue]
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
    }

    /// A text key of `columns`' stored values (NULL spelled distinctly), for identity lookups.
    static func key(_ row: Row, _ columns: [String]) -> String {
        columns.map { column -> String in
            let value: DatabaseValue = row[column]
            return value.isNull ? "\u{0}" : "\(value)"
        }.joined(separator: "\u{1}")
    }

    /// Maps a source row id to the target's through `map` (NULL stays NULL; unknown ids become NULL).
    static func mapped(_ value: DatabaseValue, _ map: [Int64: Int64]) -> DatabaseValue {
        guard let id = Int64.fromDatabaseValue(value) else { return .null }
        return map[id]?.databaseValue ?? .null
    }
}
