import GRDB

/// The results database schema, as an ordered list of named migrations.
///
/// Never edit a registered migration: append a new one ("v2-…") instead. `DatabaseMigrator`
/// records applied migrations in `grdb_migrations`, so reopening a database runs only new ones.
enum StoreMigrations {
    /// Names of all migrations, in order (the last one is the current schema version).
    static let names = ["v1-initial", CampaignMigration.name, OptimizationMigration.name, VerdictMigration.name,
                      LeanWritesMigration.name, VerdictRolesMigration.name,
                      CampaignDefinitionMigration.name,
                      EngineIsolationMigration.name, SurfaceEnergyMigration.name,
                      VerdictBulkConvergenceMigration.name,
                      EngineIdentityMigration.name, TaskFlagsMigration.name,
                      RequestedSettingsMigration.name, SurfaceCampaignMigration.name,
                      NanocrystalMigration.name, VerdictSizeModelMigration.name]

    static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial", migrate: v1Initial)
        migrator.registerMigration(CampaignMigration.name, migrate: CampaignMigration.migrate)
        migrator.registerMigration(OptimizationMigration.name, migrate: OptimizationMigration.migrate)
        migrator.registerMigration(VerdictMigration.name, migrate: VerdictMigration.migrate)
        migrator.registerMigration(LeanWritesMigration.name, migrate: LeanWritesMigration.migrate)
        migrator.registerMigration(VerdictRolesMigration.name, migrate: VerdictRolesMigration.migrate)
        migrator.registerMigration(CampaignDefinitionMigration.name, migrate: CampaignDefinitionMigration.migrate)
        migrator.registerMigration(EngineIsolationMigration.name, migrate: EngineIsolationMigration.migrate)
        migrator.registerMigration(SurfaceEnergyMigration.name, migrate: SurfaceEnergyMigration.migrate)
        migrator.registerMigration(VerdictBulkConvergenceMigration.name, migrate: VerdictBulkConvergenceMigration.migrate)
        migrator.registerMigration(EngineIdentityMigration.name, migrate: EngineIdentityMigration.migrate)
        migrator.registerMigration(TaskFlagsMigration.name, migrate: TaskFlagsMigration.migrate)
        migrator.registerMigration(RequestedSettingsMigration.name, migrate: RequestedSettingsMigration.migrate)
        migrator.registerMigration(SurfaceCampaignMigration.name, migrate: SurfaceCampaignMigration.migrate)
        migrator.registerMigration(NanocrystalMigration.name, migrate: NanocrystalMigration.migrate)
        migrator.registerMigration(VerdictSizeModelMigration.name, migrate: VerdictSizeModelMigration.migrate)
        return migrator
    }

    private static func v1Initial(_ db: Database) throws {
        try db.create(table: "runs") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("command", .text).notNull()
            t.column("interscreen_version", .text).notNull()
            t.column("host", .text).notNull()
            t.column("pid", .integer).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime)           // NULL while running (or killed)
            t.column("exit_status", .integer)
        }

        try db.create(table: "structures") { t in
            t.primaryKey("hash", .text)                  // content hash
            t.column("name", .text).notNull()
            t.column("formula", .text).notNull()
            t.column("natoms", .integer).notNull()
            t.column("charge", .integer).notNull()
            t.column("multiplicity", .integer).notNull()
            t.column("lattice", .jsonText)               // [[ax,ay,az],[bx,…],[cx,…]] Å, NULL for clusters
            t.column("pbc", .text)                       // "TTT", "TTF", … ; NULL for clusters
            t.column("numbers", .jsonText).notNull()     // [Z, …]
            t.column("positions", .jsonText).notNull()   // [[x,y,z], …] Å
            t.column("source_file", .text)
            t.column("parent_hash", .text).references("structures").indexed()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(index: "structures_on_formula", on: "structures", columns: ["formula"])

        try db.create(table: "settings") { t in
            t.primaryKey("hash", .text)
            t.column("method", .text).notNull()
            t.column("canonical_text", .text).notNull()
            t.column("json", .jsonText).notNull()
        }

        try db.create(table: "calculations") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("structure_hash", .text).notNull().references("structures")
            t.column("settings_hash", .text).notNull().references("settings").indexed()
            t.column("kind", .text).notNull()
            t.column("method", .text).notNull()
            t.column("energy_hartree", .double).notNull()
            t.column("gradient", .jsonText).notNull()    // [[gx,gy,gz], …] Eh/Bohr
            t.column("gradient_norm", .double).notNull()
            t.column("charges", .jsonText)
            t.column("gap_ev", .double)
            t.column("scc_iterations", .integer)
            t.column("scc_converged", .boolean).notNull()
            t.column("wall_seconds", .double).notNull()
            t.provenanceColumns()
            // Also the index of the cache lookup (structure_hash, settings_hash, kind).
            t.uniqueKey(["structure_hash", "settings_hash", "kind"])
        }

        // structure_hash / settings_hash are plain references, not foreign keys: a failure may
        // concern a structure or settings that were never stored (a file that did not parse).
        try db.create(table: "failures") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("structure_hash", .text).indexed()
            t.column("settings_hash", .text)
            t.column("source", .text).notNull()
            t.column("failure_class", .text).notNull().indexed()
            t.column("message", .text).notNull()
            t.column("host", .text).notNull()
            t.column("run_id", .integer).references("runs").indexed()
            t.column("at", .datetime).notNull()
        }
    }
}
