import GRDB

/// Schema of the phase-stabilisation verdicts (one row per campaign and protocol).
enum VerdictMigration {
    static let name = "v4-verdicts"

    static func migrate(_ db: Database) throws {
        try db.create(table: "verdicts") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("campaign", .text).notNull()
            t.column("name", .text).notNull()
            t.column("active_phase", .text).notNull()
            t.column("inactive_phase", .text).notNull()
            for column in ["bulk_kj_per_unit", "bulk_preference_kj", "active_lowest_kj", "active_boltzmann_kj",
                           "inactive_lowest_kj", "inactive_boltzmann_kj", "dde_lowest_kj", "dde_boltzmann_kj",
                           "margin_kj", "uncertainty_kj"] {
                t.column(column, .double)
            }
            t.column("formula_units", .double).notNull()
            t.column("temperature", .double).notNull()
            t.column("verdict", .text).notNull()
            t.column("reaction_ids", .jsonText).notNull()
            t.column("excluded", .jsonText).notNull()
            t.column("reference", .jsonText)
            t.column("computed_at", .datetime).notNull()
            t.uniqueKey(["campaign", "name"])
        }
    }
}
