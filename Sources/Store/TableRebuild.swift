import GRDB

/// The SQLite "12-step" table change the migrations share: a new table under a temporary name,
/// the rows copied in id order (ids kept), the old table dropped, the new one renamed.
///
/// Foreign keys are off during GRDB migrations and checked before commit, and other tables'
/// references name the table, not its old rowids, so they stay valid.
enum TableRebuild {
    /// Replaces `table` by one created from `body` (what goes between CREATE TABLE's parentheses),
    /// copying `columns` and filling each `added` column from its SQL expression over the old row.
    static func replace(_ table: String, body: String, copying columns: [String],
                        adding added: [(column: String, expression: String)] = [], in db: Database) throws {
        let temporary = "\(table)_rebuilt"
        try db.execute(sql: "CREATE TABLE \(temporary) (\n\(body))")
        let targets = (columns + added.map(\.column)).map { "\"\($0)\"" }.joined(separator: ", ")
        let sources = (columns.map { "\"\($0)\"" } + added.map(\.expression)).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(temporary) (\(targets)) SELECT \(sources) FROM \(table) ORDER BY id")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(temporary) RENAME TO \(table)")
    }
}
