import GRDB
import Optimization

/// Schema of geometry optimisations: one row per optimisation (its identity, outcome and the
/// structure it produced) and one row per cycle.
enum OptimizationMigration {
    static let name = "v3-optimizations"

    static func migrate(_ db: Database) throws {
        try db.create(table: "optimizations") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("input_hash", .text).notNull().references("structures")
            t.column("settings_hash", .text).notNull().references("settings").indexed()
            t.column("options_hash", .text).notNull()          // OptimizationIdentity.hash
            t.column("options_text", .text).notNull()          // OptimizationIdentity.canonicalText
            t.column("level", .text).notNull()
            t.column("max_cycles", .integer).notNull()
            t.column("freeze_spec", .text).notNull()           // as given, normalised; "" for none
            t.column("frozen_atoms", .jsonText).notNull()      // [0-based index] in the input's atom order
            t.column("constraints_key", .text).notNull()       // "none" or hash of the frozen atoms
            t.column("output_hash", .text).notNull().references("structures").indexed()
            t.column("status", .text).notNull()                // converged | max_cycles | scc_failure | stalled
            t.column("converged", .boolean).notNull()
            t.column("energy_hartree", .double).notNull()      // at output_hash
            t.column("gradient_norm", .double).notNull()       // converged-on norm, Eh/Bohr
            t.column("cycles", .integer).notNull()
            t.column("gradient_evaluations", .integer).notNull()
            t.column("failed_evaluations", .integer).notNull()
            t.column("raised_max_iterations", .integer)        // SCC iteration limit of retries, if any
            t.column("notes", .text).notNull()
            t.column("wall_seconds", .double).notNull()
            t.provenanceColumns()
            // The cache lookup: one optimisation per identity.
            t.uniqueKey(["input_hash", "settings_hash", "options_hash"])
        }

        try db.create(table: "optimization_steps") { t in
            t.column("optimization_id", .integer).notNull().references("optimizations", onDelete: .cascade)
            t.column("cycle", .integer).notNull()
            t.column("energy_hartree", .double)                // NULL when the calculation failed
            t.column("gradient_norm", .double)
            t.column("energy_change", .double)
            t.column("predicted_change", .double)
            t.column("step_length", .double).notNull()         // Bohr
            t.column("trust_radius", .double).notNull()        // Bohr
            t.column("accepted", .boolean).notNull()
            t.column("scc_iteration_limit", .integer)
            t.column("note", .text)
            t.column("wall_seconds", .double).notNull()
            t.column("positions", .jsonText).notNull()         // [[x,y,z], …] Å
            t.primaryKey(["optimization_id", "cycle"])
        }
    }
}
