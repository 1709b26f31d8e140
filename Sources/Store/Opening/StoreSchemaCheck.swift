import Foundation
import GRDB

/// Refuses, before any migration writes to it, a database that is not ours or is newer than us.
enum StoreSchemaCheck {
    /// `check` through a read-only connection, before the file is opened for writing (which would
    /// already switch it to WAL mode): a refused file is left exactly as it was.
    static func checkFile(path: String) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int, size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.read { db in try check(db, path: path) }
    }

    static func check(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        let ours = tables.contains("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        // A new file, or one whose first migrator has not committed yet (another process is creating it).
        if tables.allSatisfy({ $0 == "grdb_migrations" }) && ours.isEmpty { return }
        guard ours.contains(StoreMigrations.names[0]) else {
            throw StoreOpenError.foreign(path: path, tables: tables)
        }
        let unknown = ours.filter { !StoreMigrations.names.contains($0) }.sorted()
        if let found = unknown.last {
            let writer = try? String.fetchOne(db, sql: "SELECT interscreen_version FROM runs ORDER BY id DESC LIMIT 1")
            throw StoreOpenError.newerSchema(path: path, found: found, known: StoreMigrations.names.last ?? "",
                                             writer: writer)
        }
    }
}
