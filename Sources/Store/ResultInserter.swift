import Foundation
import GRDB
import Structures

/// The hot path of a campaign: one result (structure, settings, calculation) per transaction,
/// through cached prepared statements and hand-written JSON.
///
/// Measured here, GRDB's Codable records cost ~0.7 ms per result (statement compilation and
/// record encoding), which caps a 1024-rank coordinator far below the results it receives; this
/// path writes the same columns in the same formats (tested against the record decoders).
enum ResultInserter {
    /// Inserts the structure unless its hash exists (the first name and source are kept).
    static func insertStructure(_ r: StructureRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO structures (hash, name, formula, natoms, charge, multiplicity, lattice, pbc, \
            numbers, positions, source_file, parent_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        try statement.execute(arguments: [
            r.hash, r.name, r.formula, r.natoms, r.charge, r.multiplicity, try r.lattice.map(JSONText.rows), r.pbc,
            JSONText.integers(r.numbers), try JSONText.rows(r.positions), r.sourceFile, r.parentHash,
            DatabaseTimestamp.text(r.createdAt),
        ])
    }

    /// Inserts the settings unless their hash exists.
    static func insertSettings(_ r: SettingsRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(sql:
            "INSERT OR IGNORE INTO settings (hash, method, canonical_text, json) VALUES (?,?,?,?)")
        try statement.execute(arguments: [r.hash, r.method, r.canonicalText, r.json])
    }

    /// Inserts the calculation; returns its row id, or nil when its identity already exists.
    static func insertCalculation(_ c: CalculationRecord, _ db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO calculations (structure_hash, settings_hash, kind, method, energy_hartree, gradient, \
            gradient_norm, charges, gap_ev, scc_iterations, scc_converged, wall_seconds, engine_version, \
            interscreen_version, host, run_id, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        try statement.execute(arguments: [
            c.structureHash, c.settingsHash, c.kind.rawValue, c.method, c.energyHartree, try JSONText.rows(c.gradient),
            c.gradientNorm, try c.charges.map(JSONText.numbers), c.gapEV, c.sccIterations, c.sccConverged,
            c.wallSeconds, c.engineVersion, c.interscreenVersion, c.host, c.runID, DatabaseTimestamp.text(c.startedAt),
            DatabaseTimestamp.text(c.finishedAt),
        ])
        return db.changesCount > 0 ? db.lastInsertedRowID : nil
    }
}

/// JSON arrays of numbers, written by hand: shortest round-trip decimals (read back bit for bit).
enum JSONText {
    static func numbers(_ values: [Double]) throws -> String {
        var text = "["
        for (i, v) in values.enumerated() {
            guard v.isFinite else { throw StoreError.corruptRow(table: "calculations", key: "-", "non-finite number \(v)") }
            if i > 0 { text += "," }
            text += "\(v)"  // Swift's shortest round-trip form ("-0.0", "1e-05") is valid JSON
        }
        return text + "]"
    }

    static func rows(_ rows: [[Double]]) throws -> String {
        "[" + (try rows.map(numbers).joined(separator: ",")) + "]"
    }

    static func integers(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }
}
