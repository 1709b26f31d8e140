import Foundation
import GRDB

extension ResultsStore {
    /// How a command uses its results database.
    public enum Access: Sendable, Equatable {
        /// Writes results: the file is created when missing, but only in a folder that exists.
        case create
        /// Reads what is stored: the file must exist and be a results database.
        case read
    }

    /// Opens the results database at `path` for a command, refusing (with a `StoreOpenError` that
    /// names the file) a missing folder, a file that is not a results database, a truncated or
    /// damaged one, one written by a newer schema, and — for `.create` — one that cannot be written.
    public static func open(path: String, access: Access) throws -> ResultsStore {
        try StoreFileCheck.check(path: path, access: access)
        do {
            return try ResultsStore(path: path)
        } catch {
            throw diagnose(error, path: path) ?? error
        }
    }

    /// SQLite's errors about the file itself (not a database, damaged, read-only) as a
    /// `StoreOpenError` naming `path`; nil for any other error.
    public static func diagnose(_ error: Error, path: String) -> StoreOpenError? {
        if let error = error as? StoreOpenError { return error }
        guard let error = error as? DatabaseError else { return nil }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .damaged(path: path, reason: reason)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path, reason: reason)
        default: return nil
        }
    }
}
