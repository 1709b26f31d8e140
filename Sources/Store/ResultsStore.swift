import Foundation
import GRDB

/// The SQLite results database (one file, WAL mode): runs, structures, settings, calculations,
/// failures. Thread-safe; share one instance per process.
///
/// Durability: every `save…` runs in its own transaction that is committed before the method
/// returns (`write` groups several writes in one). `DatabasePool` puts the database in WAL mode, with `synchronous=NORMAL` (`StoreTuning`):
/// a commit is written into the `-wal` file with write(2) before COMMIT returns, so it lives in the kernel's
/// page cache and survives the process being killed (kill -9, a segfault, an MPI abort) — the next
/// opener replays the WAL. What NORMAL gives up is only the fsync at each commit: an operating
/// system crash or power loss may lose the last few commits, never corrupt the file.
///
/// WAL needs shared memory between the processes that open the file: keep the database on a local
/// or a POSIX-locking file system (not NFS without locking), and let one process (rank 0) write.
public final class ResultsStore: Sendable {
    /// Path of the database file.
    public let path: String
    let pool: DatabasePool
    /// Settings rows built once per process (JSON encoding and hashing cost more than the insert).
    let knownSettings = SettingsRecordCache()

    /// Opens (creating the folder and file if needed) and migrates the database at `path`.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var config = Configuration()
        config.label = "interscreen.results"
        config.foreignKeysEnabled = true
        // Another process (an `export` or `status` while a screen runs) may hold the write lock
        // for a moment: wait for it instead of failing with SQLITE_BUSY.
        config.busyMode = .timeout(30)
        // WAL + NORMAL and a long WAL between checkpoints: see `StoreTuning`.
        config.prepareDatabase { db in
            for pragma in StoreTuning.connectionPragmas { try db.execute(sql: pragma) }
        }
        pool = try Self.open(path: path, configuration: config)
    }

    /// Opens and migrates, retrying while another process holds the lock: switching a new file to
    /// WAL fails at once with SQLITE_BUSY (no busy handler) when two processes open it together,
    /// and two processes migrating a new file together both see it empty, so the second one's
    /// CREATE TABLE fails ("already exists", rolled back): its retry finds the schema in place.
    private static func open(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                try StoreSchemaCheck.checkFile(path: path)
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.read { db in try StoreSchemaCheck.check(db, path: path) }
                try StoreMigrations.makeMigrator().migrate(pool)
                return pool
            } catch let error as DatabaseError where Self.isConcurrentOpen(error) && attempt < 50 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// Errors that mean "another process is opening or migrating this file right now": a busy
    /// lock, a table or column another migrator created, or a migration another migrator recorded
    /// first (v5 changes only existing tables, so a second run of it fails only when recording it).
    static func isConcurrentOpen(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY
            || (error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("already exists"))
            || (error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("duplicate column name"))
            || (error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("grdb_migrations"))
    }

    /// Names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try StoreMigrations.makeMigrator().appliedMigrations(db) }
    }

    /// `PRAGMA journal_mode` ("wal").
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// `PRAGMA integrity_check`: "ok", or the problems found, one per line.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
