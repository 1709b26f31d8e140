import GRDB

/// Fewer pages written per result commit: drops secondary indexes no query uses and rebuilds
/// `calculations` without AUTOINCREMENT (same columns, same ids, same unique identity).
///
/// Each result commit wrote 11 WAL pages (45 KB), one per touched B-tree: the four dropped indexes
/// (formula, parent, settings, run) each added a page, and AUTOINCREMENT added `sqlite_sequence`.
/// Without them a commit writes ~5.5 pages. Row ids are still never reused while the largest one
/// stays (rows of `calculations` are never deleted). The unique key (structure, settings, kind)
/// still serves the cache lookup and the settings lookups; `status`/`export` scan whole tables anyway.
enum LeanWritesMigration {
    static let name = "v5-lean-writes"

    /// The columns of `calculations` (v1), in table order, as `CREATE TABLE` defines them
    /// (v11 rebuilds the table from the same definitions, with `engine` added).
    static let calculationColumnDefinitions = [
        #""id" INTEGER PRIMARY KEY"#,
        #""structure_hash" TEXT NOT NULL REFERENCES "structures"("hash")"#,
        #""settings_hash" TEXT NOT NULL REFERENCES "settings"("hash")"#,
        #""kind" TEXT NOT NULL"#,
        #""method" TEXT NOT NULL"#,
        #""energy_hartree" DOUBLE NOT NULL"#,
        #""gradient" TEXT NOT NULL"#,
        #""gradient_norm" DOUBLE NOT NULL"#,
        #""charges" TEXT"#,
        #""gap_ev" DOUBLE"#,
        #""scc_iterations" INTEGER"#,
        #""scc_converged" BOOLEAN NOT NULL"#,
        #""wall_seconds" DOUBLE NOT NULL"#,
        #""engine_version" TEXT NOT NULL"#,
        #""interscreen_version" TEXT NOT NULL"#,
        #""host" TEXT NOT NULL"#,
        #""run_id" INTEGER REFERENCES "runs"("id")"#,
        #""started_at" DATETIME NOT NULL"#,
        #""finished_at" DATETIME NOT NULL"#,
    ]

    /// The names of those columns.
    static let calculationColumns = calculationColumnDefinitions.map { String($0.dropFirst().prefix { $0 != "\"" }) }

    static func migrate(_ db: Database) throws {
        for index in ["structures_on_formula", "structures_on_parent_hash", "calculations_on_settings_hash",
                      "calculations_on_run_id"] {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
        }
        try TableRebuild.replace("calculations", body: (calculationColumnDefinitions
            + [#"UNIQUE ("structure_hash", "settings_hash", "kind")"#]).joined(separator: ",\n"),
                                 copying: calculationColumns, in: db)
        try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'calculations'")
    }
}

