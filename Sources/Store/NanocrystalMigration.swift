import GRDB

/// Schema of the nanocrystals: one row per molecular block of whole bulk cells, keyed by the block's
/// structure row, with how it was cut (repeats, origin) and what the cut did (surface B sites,
/// broken B–X bonds) beside its formula units and box (its area, its three face families as JSON
/// text "[across a, across b, across c]" in Å², its volume).
enum NanocrystalMigration {
    static let name = "v15-nanocrystals"

    static func migrate(_ db: Database) throws {
        try db.create(table: "nanocrystals") { t in
            t.primaryKey("structure_hash", .text)
            t.column("source_file", .text).notNull()
            t.column("repeats", .text).notNull()
            t.column("formula_units", .integer).notNull()
            t.column("box_area_a2", .double).notNull()
            t.column("face_areas", .text).notNull()
            t.column("box_volume_a3", .double).notNull()
            t.column("surface_b_sites", .integer).notNull()
            t.column("broken_bonds", .integer).notNull()
            t.column("origin", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
    }
}
