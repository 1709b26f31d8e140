import GRDB

/// Schema of campaigns: their tasks (the plan, with state for resume) and reaction energies.
enum CampaignMigration {
    static let name = "v2-campaigns"

    static func migrate(_ db: Database) throws {
        try db.create(table: "tasks") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("campaign", .text).notNull()
            t.column("key", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("structure_name", .text).notNull()
            t.column("input_hash", .text)
            t.column("definition_hash", .text).notNull()
            t.column("settings_hash", .text).notNull()
            t.column("state", .text).notNull()
            t.column("attempts", .integer).notNull()
            t.column("crashes", .integer).notNull()
            t.column("predicted_seconds", .double).notNull()
            t.column("wall_seconds", .double)
            t.column("calculation_id", .integer).references("calculations")
            t.column("output_hash", .text)
            t.column("failure_class", .text)
            t.column("message", .text)
            t.column("flags", .text)
            t.column("rank", .integer)
            t.column("host", .text)
            t.column("run_id", .integer).references("runs")
            t.column("started_at", .datetime)
            t.column("finished_at", .datetime)
            t.uniqueKey(["campaign", "key"])
        }
        try db.create(index: "tasks_on_campaign_state", on: "tasks", columns: ["campaign", "state"])

        try db.create(table: "reactions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("campaign", .text).notNull()
            t.column("name", .text).notNull()
            t.column("status", .text).notNull()
            t.column("energy_hartree", .double)
            t.column("energy_kj_mol", .double)
            t.column("energy_ev", .double)
            t.column("normalized_kj_mol", .double)
            t.column("normalization_unit", .text)
            t.column("normalization_count", .double)
            t.column("species", .jsonText).notNull()
            t.column("message", .text)
            t.column("computed_at", .datetime).notNull()
            t.uniqueKey(["campaign", "name"])
        }
    }
}
