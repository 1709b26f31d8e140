import GRDB

/// `calculations.engine` and `optimizations.engine`: the backend and release (`EngineIdentity`,
/// e.g. "libxtb 6.5.1", "tblite 0.8.0") become part of each row's identity, so two engines' results
/// never answer for each other and a new release computes afresh (docs/identity.md).
///
/// Both tables are rebuilt (a table's UNIQUE constraint cannot be altered) with the same ids. The
/// engine of an existing row is read from its recorded `engine_version` ("libxtb 6.5.1 (api 10000)"
/// → "libxtb 6.5.1"); a row whose provenance names neither backend gets what computed it before
/// this column existed: libxtb 6.5.1 for molecules, tblite 0.8.0 for periodic cells.
enum EngineIdentityMigration {
    static let name = "v11-engine-identity"

    static func migrate(_ db: Database) throws {
        try rebuildCalculations(db)
        try rebuildOptimizations(db)
    }

    /// The identity of the row's `engine_version`, periodicity judged by the structure `hashColumn` names.
    static func engineExpression(hashColumn: String) -> String {
        """
        CASE
          WHEN engine_version LIKE 'libxtb %' OR engine_version LIKE 'tblite %' THEN
            CASE WHEN instr(engine_version, ' (') > 0
                 THEN substr(engine_version, 1, instr(engine_version, ' (') - 1) ELSE engine_version END
          WHEN (SELECT pbc FROM structures WHERE hash = \(hashColumn)) LIKE '%T%' THEN 'tblite 0.8.0'
          ELSE 'libxtb 6.5.1'
        END
        """
    }

    private static func rebuildCalculations(_ db: Database) throws {
        var definitions = LeanWritesMigration.calculationColumnDefinitions
        let afterKind = definitions.firstIndex { $0.hasPrefix(#""kind""#) }! + 1
        definitions.insert(#""engine" TEXT NOT NULL"#, at: afterKind)
        definitions.append(#"UNIQUE ("structure_hash", "settings_hash", "kind", "engine")"#)
        try TableRebuild.replace("calculations", body: definitions.joined(separator: ",\n"),
                                 copying: LeanWritesMigration.calculationColumns,
                                 adding: [("engine", engineExpression(hashColumn: "structure_hash"))], in: db)
    }

    private static let optimizationColumns = [
        "id", "input_hash", "settings_hash", "options_hash", "options_text", "level", "max_cycles", "freeze_spec",
        "frozen_atoms", "constraints_key", "output_hash", "status", "converged", "energy_hartree", "gradient_norm",
        "cycles", "gradient_evaluations", "failed_evaluations", "raised_max_iterations", "notes", "wall_seconds",
        "engine_version", "interscreen_version", "host", "run_id", "started_at", "finished_at"]

    private static func rebuildOptimizations(_ db: Database) throws {
        try TableRebuild.replace("optimizations", body: """
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "input_hash" TEXT NOT NULL REFERENCES "structures"("hash"),
              "settings_hash" TEXT NOT NULL REFERENCES "settings"("hash"),
              "options_hash" TEXT NOT NULL,
              "options_text" TEXT NOT NULL,
              "engine" TEXT NOT NULL,
              "level" TEXT NOT NULL,
              "max_cycles" INTEGER NOT NULL,
              "freeze_spec" TEXT NOT NULL,
              "frozen_atoms" TEXT NOT NULL,
              "constraints_key" TEXT NOT NULL,
              "output_hash" TEXT NOT NULL REFERENCES "structures"("hash"),
              "status" TEXT NOT NULL,
              "converged" BOOLEAN NOT NULL,
              "energy_hartree" DOUBLE NOT NULL,
              "gradient_norm" DOUBLE NOT NULL,
              "cycles" INTEGER NOT NULL,
              "gradient_evaluations" INTEGER NOT NULL,
              "failed_evaluations" INTEGER NOT NULL,
              "raised_max_iterations" INTEGER,
              "notes" TEXT NOT NULL,
              "wall_seconds" DOUBLE NOT NULL,
              "engine_version" TEXT NOT NULL,
              "interscreen_version" TEXT NOT NULL,
              "host" TEXT NOT NULL,
              "run_id" INTEGER REFERENCES "runs"("id"),
              "started_at" DATETIME NOT NULL,
              "finished_at" DATETIME NOT NULL,
              UNIQUE ("input_hash", "settings_hash", "options_hash", "engine")
            """, copying: optimizationColumns,
            adding: [("engine", engineExpression(hashColumn: "input_hash"))], in: db)
        for column in ["settings_hash", "output_hash", "run_id"] {
            try db.execute(sql: "CREATE INDEX optimizations_on_\(column) ON optimizations(\"\(column)\")")
        }
    }
}
