import GRDB

/// Schema of the surface and interface energies per area (one row per phase cell, plane,
/// termination, method and kind; a rerun replaces it).
enum SurfaceEnergyMigration {
    static let name = "v9-surface-energies"

    static func migrate(_ db: Database) throws {
        try db.create(table: "surface_energies") { t in
            t.autoIncrementedPrimaryKey("id")
            for column in ["kind", "phase", "cell_hash", "formula", "miller", "termination", "method", "supercell",
                           "excess", "notes"] {
                t.column(column, .text).notNull()
            }
            t.column("surface_energy_j_m2", .double)
            t.column("converged", .boolean).notNull()
            t.column("layers", .integer).notNull()
            t.column("natoms", .integer).notNull()
            t.column("relaxed", .boolean).notNull()
            t.column("excess_reference", .text)
            t.column("volume_per_unit_a3", .double).notNull()
            t.column("computed_at", .datetime).notNull()
            t.uniqueKey(["cell_hash", "miller", "termination", "method", "kind"])
        }
    }
}
