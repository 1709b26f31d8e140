import GRDB

/// `surface_energies` learns which campaign, surface table and vacuum a row belongs to, its three
/// convergence flags and the calculation rows it was formed from. Rows of `interscreen surface`
/// keep campaign "" and surface ""; the unique key now includes campaign, surface and vacuum, so a
/// campaign stores one row per (surface, vacuum).
enum SurfaceCampaignMigration {
    static let name = "v14-surface-energy-campaigns"

    static let kept = ["id", "kind", "phase", "cell_hash", "formula", "miller", "termination", "method", "supercell",
                       "excess", "notes", "surface_energy_j_m2", "converged", "layers", "natoms", "relaxed",
                       "excess_reference", "volume_per_unit_a3", "computed_at"]

    static func migrate(_ db: Database) throws {
        try TableRebuild.replace("surface_energies", body: """
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL, phase TEXT NOT NULL, cell_hash TEXT NOT NULL, formula TEXT NOT NULL,
              miller TEXT NOT NULL, termination TEXT NOT NULL, method TEXT NOT NULL, supercell TEXT NOT NULL,
              excess TEXT NOT NULL, notes TEXT NOT NULL,
              surface_energy_j_m2 DOUBLE, converged BOOLEAN NOT NULL, layers INTEGER NOT NULL,
              natoms INTEGER NOT NULL, relaxed BOOLEAN NOT NULL, excess_reference TEXT,
              volume_per_unit_a3 DOUBLE NOT NULL, computed_at DATETIME NOT NULL,
              campaign TEXT NOT NULL DEFAULT '', surface TEXT NOT NULL DEFAULT '', vacuum_a DOUBLE,
              thickness_converged BOOLEAN, in_plane_converged BOOLEAN, vacuum_converged BOOLEAN,
              calculation_ids TEXT,
              UNIQUE (cell_hash, miller, termination, method, kind, campaign, surface, vacuum_a)
            """, copying: kept, in: db)
        try db.execute(sql: "CREATE INDEX surface_energies_on_campaign ON surface_energies(campaign, surface)")
    }
}
