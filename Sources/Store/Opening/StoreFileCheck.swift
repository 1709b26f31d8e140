import Foundation

/// Checks a database path before SQLite opens it, so that a wrong file is refused with its name
/// and what is wrong, and nothing is created where the user did not mean it.
enum StoreFileCheck {
    static func check(path: String, access: ResultsStore.Access) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            guard access == .create else { throw StoreOpenError.missing(path: path) }
            try checkFolder(of: path, creating: true)
            return
        }
        if isFolder.boolValue { throw StoreOpenError.folder(path: path) }
        guard let header = SQLiteFileHeader(path: path) else { throw StoreOpenError.unreadable(path: path) }
        if header.isEmpty {
            // SQLite takes an empty file as a new database: fine to write into, nothing to read.
            guard access == .create else { throw StoreOpenError.empty(path: path) }
        } else {
            guard header.hasMagic else { throw StoreOpenError.notSQLite(path: path) }
            // With a -wal file beside it the main file may be mid-checkpoint: SQLite judges then.
            if !FileManager.default.fileExists(atPath: path + "-wal"), let expected = header.expectedSizeWhenTruncated {
                throw StoreOpenError.truncated(path: path, size: header.fileSize, expected: expected)
            }
        }
        if access == .create {
            guard FileManager.default.isWritableFile(atPath: path) else {
                throw StoreOpenError.readOnly(path: path, reason: "the file is read-only")
            }
            try checkFolder(of: path, creating: false)
        }
    }

    /// The folder must exist (never created silently) and take new files (the database, or
    /// SQLite's -wal and -shm files beside an existing one).
    private static func checkFolder(of path: String, creating: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreOpenError.missingFolder(path: path, folder: folder)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            if creating { throw StoreOpenError.folderNotWritable(path: path, folder: folder) }
            throw StoreOpenError.readOnly(path: path, reason: "its folder \(folder) is not writable, and SQLite keeps "
                + "the -wal and -shm files there")
        }
    }
}
