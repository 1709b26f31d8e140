import GRDB

/// `runs.engine_isolation`: whether a run's engine computed in helper processes ("isolated") or
/// in its workers ("in-process"; NULL for runs before this column).
///
/// Crash recovery reads it: a task left `running` by an isolated run that died was not what killed
/// it (a crash in the engine kills the helper only and is reported), so it goes back to pending
/// with nothing counted; after an in-process run, the task may have been the cause.
enum EngineIsolationMigration {
    static let name = "v8-engine-isolation"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "runs") { t in
            t.add(column: "engine_isolation", .text)
        }
    }
}
