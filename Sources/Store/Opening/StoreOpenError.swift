import Foundation

/// Why a file cannot be used as the results database: each case names the file and says what is
/// wrong with it in words a user can act on.
public enum StoreOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Reading: there is no file at the path.
    case missing(path: String)
    /// Creating: the folder the database would go in does not exist (never created silently).
    case missingFolder(path: String, folder: String)
    /// Creating: the folder exists but this user cannot create files in it.
    case folderNotWritable(path: String, folder: String)
    /// The path names a folder.
    case folder(path: String)
    /// The file exists but this user cannot read it.
    case unreadable(path: String)
    /// The file is not an SQLite database at all.
    case notSQLite(path: String)
    /// Reading: the file has no bytes (nothing was ever stored in it).
    case empty(path: String)
    /// The file is shorter than its own header says: it was cut short (copy, disk full, transfer).
    case truncated(path: String, size: Int, expected: Int)
    /// SQLite found the file damaged while reading it.
    case damaged(path: String, reason: String)
    /// An SQLite database of some other program (it has tables, none of them ours).
    case foreign(path: String, tables: [String])
    /// Written by a newer interscreen whose schema this one does not know.
    case newerSchema(path: String, found: String, known: String, writer: String?)
    /// The database (or its folder, where SQLite keeps the -wal and -shm files) cannot be written.
    case readOnly(path: String, reason: String)

    /// The path of the file concerned.
    public var path: String {
        switch self {
        case let .missing(path), let .missingFolder(path, _), let .folderNotWritable(path, _), let .notSQLite(path),
             let .folder(path), let .unreadable(path),
             let .empty(path), let .truncated(path, _, _), let .damaged(path, _), let .foreign(path, _),
             let .newerSchema(path, _, _, _), let .readOnly(path, _):
            return path
        }
    }

    public var description: String {
        let notOurs = "is not an interscreen results database"
        switch self {
        case let .missing(path):
            return "no results database at \(path)"
        case let .missingFolder(path, folder):
            return "cannot create the results database \(path): the folder \(folder) does not exist "
                + "(interscreen does not create folders; mkdir -p \(folder) if that is the place)"
        case let .folderNotWritable(path, folder):
            return "cannot create the results database \(path): the folder \(folder) is not writable"
        case let .folder(path):
            return "\(path) is a folder, not an interscreen results database"
        case let .unreadable(path):
            return "cannot read the results database \(path) (permission denied)"
        case let .notSQLite(path):
            return "\(path) \(notOurs): it is not an SQLite file at all"
        case let .empty(path):
            return "\(path) \(notOurs): the file is empty (0 bytes, nothing was ever stored in it)"
        case let .truncated(path, size, expected):
            return "\(path) \(notOurs) any more: it is truncated (\(size) bytes; its SQLite header promises "
                + "\(expected)). Restore it from a copy; shards can be merged again"
        case let .damaged(path, reason):
            return "\(path) is a damaged results database (SQLite: \(reason)). Restore it from a copy"
        case let .foreign(path, tables):
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return "\(path) \(notOurs): it is an SQLite database of another program (tables: \(shown)); "
                + "it was left unchanged"
        case let .newerSchema(path, found, known, writer):
            let by = writer.map { " by interscreen \($0)" } ?? " by a newer interscreen"
            return "\(path) was written\(by) with results schema \(found); this interscreen knows schemas up to "
                + "\(known). Use a newer interscreen; the file was left unchanged"
        case let .readOnly(path, reason):
            return "the results database \(path) cannot be written (\(reason))"
        }
    }
}
