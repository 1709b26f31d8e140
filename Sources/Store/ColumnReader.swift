import Foundation
import GRDB
import GRDBSQLite

/// Reads the columns of the current row of a stepped statement straight from SQLite: for bulk
/// reads (100,000 task rows on resume) where GRDB's Codable decoding costs ~10 µs per row.
struct ColumnReader {
    let handle: SQLiteStatement

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    func text(_ i: Int32) -> String? {
        guard !isNull(i), let bytes = sqlite3_column_text(handle, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, i))),
                      as: UTF8.self)
    }

    func string(_ i: Int32) -> String { text(i) ?? "" }

    func double(_ i: Int32) -> Double? { isNull(i) ? nil : sqlite3_column_double(handle, i) }

    func int64(_ i: Int32) -> Int64? { isNull(i) ? nil : sqlite3_column_int64(handle, i) }

    func int(_ i: Int32) -> Int? { int64(i).map { Int($0) } }

    /// A DATETIME column (text as GRDB writes it; other forms through GRDB's decoder).
    func date(_ i: Int32) -> Date? {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let bytes = sqlite3_column_text(handle, i) else { return nil }
            return DatabaseTimestamp.date(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, i))))
        default: return Date(timeIntervalSince1970: sqlite3_column_double(handle, i))
        }
    }
}
