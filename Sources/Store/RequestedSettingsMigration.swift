import GRDB

/// `work_requests`: what was asked for → the row that answers it. A retried SCC stores its result
/// under the settings that converged (e.g. 1000 K); this table remembers the settings requested, so
/// asking again finds that row (with its flags) instead of repeating the retries.
enum RequestedSettingsMigration {
    static let name = "v13-requested-settings"

    static func migrate(_ db: Database) throws {
        try db.create(table: "work_requests") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()                      // "singlepoint" or "optimization"
            t.column("structure_hash", .text).notNull().references("structures")   // the input structure
            t.column("requested_settings_hash", .text).notNull().references("settings")
            t.column("options_hash", .text).notNull().defaults(to: "")   // optimisations only
            t.column("engine", .text).notNull()
            t.column("used_settings_hash", .text).notNull().references("settings")
            t.column("calculation_id", .integer).references("calculations")
            t.column("optimization_id", .integer).references("optimizations")
            t.column("flags", .text)                               // JSON array of flag texts, NULL: none
            t.column("attempts", .integer).notNull()
            t.uniqueKey(["kind", "structure_hash", "requested_settings_hash", "options_hash", "engine"])
        }
    }
}
