import Foundation
import GRDB
import Structures

/// The hot path of a campaign: one result (structure, settings, calculation) per transaction,
/// through cached prepared statements bound by hand (`StatementBinder`) and hand-written JSON.
///
/// Measured here, GRDB's Codable records cost ~0.7 ms per result (statement compilation and
/// record encoding), and `StatementArguments` boxing a few µs more; this path writes the same
/// columns in the same formats (tested against the record decoders).
enum ResultInserter {
    /// Whether a structure with this content hash is stored.
    static func structureExists(_ hash: String, _ db: Database) throws -> Bool {
        var binder = StatementBinder(try db.cachedStatement(sql: "SELECT 1 FROM structures WHERE hash = ?"))
        binder.text(hash)
        return try binder.exists(db)
    }

    /// Inserts the structure unless its hash exists (the first name and source are kept).
    static func insertStructure(_ s: Structure, hash: String, sourceFile: String?, parentHash: String?,
                                createdAt: Date, _ db: Database) throws {
        var binder = StatementBinder(try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO structures (hash, name, formula, natoms, charge, multiplicity, lattice, pbc, \
            numbers, positions, source_file, parent_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
            """))
        binder.text(hash)
        binder.text(s.name)
        binder.text(s.formula)
        binder.integer(s.count)
        binder.integer(s.charge)
        binder.integer(s.multiplicity)
        if let lattice = s.lattice {
            binder.text(bytes: try JSONText.vectors(lattice.vectors))
            binder.text(String(lattice.pbc.map { $0 ? "T" : "F" }))
        } else {
            binder.text(nil)
            binder.text(nil)
        }
        binder.text(bytes: JSONText.integers(s.atomicNumbers))
        binder.text(bytes: try JSONText.vectors(s.positions))
        binder.text(sourceFile)
        binder.text(parentHash)
        binder.text(bytes: DatabaseTimestamp.bytes(createdAt))
        try binder.run(db)
    }

    /// Inserts the settings unless their hash exists.
    static func insertSettings(_ r: SettingsRecord, _ db: Database) throws {
        var binder = StatementBinder(try db.cachedStatement(sql:
            "INSERT OR IGNORE INTO settings (hash, method, canonical_text, json) VALUES (?,?,?,?)"))
        binder.text(r.hash)
        binder.text(r.method)
        binder.text(r.canonicalText)
        binder.text(r.json)
        try binder.run(db)
    }

    /// Inserts the calculation; returns its row id, or nil when its identity already exists.
    /// Its dates are written as given, to the millisecond.
    static func insertCalculation(_ c: CalculationRecord, _ db: Database) throws -> Int64? {
        var binder = StatementBinder(try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO calculations (structure_hash, settings_hash, kind, engine, method, energy_hartree, \
            gradient, gradient_norm, charges, gap_ev, scc_iterations, scc_converged, wall_seconds, engine_version, \
            interscreen_version, host, run_id, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """))
        binder.text(c.structureHash)
        binder.text(c.settingsHash)
        binder.text(c.kind.rawValue)
        binder.text(c.engine)
        binder.text(c.method)
        binder.real(c.energyHartree)
        binder.text(bytes: try JSONText.rows(c.gradient))
        binder.real(c.gradientNorm)
        if let charges = c.charges { binder.text(bytes: try JSONText.numbers(charges)) } else { binder.text(nil) }
        binder.real(c.gapEV)
        binder.integer(c.sccIterations)
        binder.bool(c.sccConverged)
        binder.real(c.wallSeconds)
        binder.text(c.engineVersion)
        binder.text(c.interscreenVersion)
        binder.text(c.host)
        binder.integer(c.runID)
        binder.text(bytes: DatabaseTimestamp.bytes(c.startedAt))
        binder.text(bytes: DatabaseTimestamp.bytes(c.finishedAt))
        try binder.run(db)
        return db.changesCount > 0 ? db.lastInsertedRowID : nil
    }
}
