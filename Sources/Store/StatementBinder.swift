import GRDB
import GRDBSQLite

/// Binds values straight into a cached prepared statement and steps it: the commit path's
/// alternative to `StatementArguments`, which boxes every value (18 per calculation row).
///
/// Only for statements this file's callers own (their SQL text is used nowhere else), inside a
/// GRDB write: errors become `DatabaseError`s and roll the transaction back like GRDB's own.
struct StatementBinder {
    private let statement: Statement
    private let handle: SQLiteStatement
    private var index: Int32 = 0

    /// Resets `statement` and clears its bindings.
    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies the bytes before the bind call returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        index += 1
        guard var value else { return }  // cleared bindings are NULL
        value.withUTF8 { bind(text: $0) }
    }

    mutating func text(bytes: [UInt8]) {
        index += 1
        bytes.withUnsafeBufferPointer { bind(text: $0) }
    }

    private func bind(text bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), Self.transient)
    }

    mutating func real(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(handle, index, value) }
    }

    mutating func integer(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) }
    }

    mutating func integer(_ value: Int?) {
        integer(value.map(Int64.init))
    }

    mutating func bool(_ value: Bool) {
        integer(value ? 1 : 0)
    }

    /// Steps once: true when a row came back (read it through `columns`), false when the
    /// statement finished. The statement stays bound until reset.
    func step(_ db: Database) throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let code = sqlite3_extended_errcode(db.sqliteConnection)
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// The current row's columns (after `step` returned true).
    var columns: ColumnReader { ColumnReader(handle: handle) }

    /// Resets the statement (after reading rows).
    func reset() {
        sqlite3_reset(handle)
    }

    /// Runs the statement to completion (an INSERT or UPDATE) and resets it.
    func run(_ db: Database) throws {
        while try step(db) {}
        sqlite3_reset(handle)
    }

    /// Steps once and resets: whether the query returned a row.
    func exists(_ db: Database) throws -> Bool {
        defer { sqlite3_reset(handle) }
        return try step(db)
    }
}
