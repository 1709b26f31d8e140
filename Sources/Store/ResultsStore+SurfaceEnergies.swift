import Foundation
import GRDB

extension ResultsStore {
    /// Stores a surface energy, replacing the row of the same cell, plane, termination, method and kind
    /// (rows of `interscreen surface`; a campaign's rows are `saveCampaignSurfaceEnergy`'s).
    @discardableResult
    public func saveSurfaceEnergy(_ record: SurfaceEnergyRecord) throws -> SurfaceEnergyRecord {
        try pool.write { db in
            try db.execute(sql: """
                DELETE FROM surface_energies WHERE cell_hash = ? AND miller = ? AND termination = ? AND method = ? AND kind = ?
                  AND campaign = ''
                """, arguments: [record.cellHash, record.miller, record.termination, record.method, record.kind])
            var row = record
            try row.insert(db)
            return row
        }
    }

    /// Surface and interface energies of `interscreen surface` (not campaigns'), optionally of one
    /// phase, in the order stored.
    public func surfaceEnergies(phase: String? = nil) throws -> [SurfaceEnergyRecord] {
        try pool.read { db in
            var request = SurfaceEnergyRecord.filter(Column("campaign") == "").order(Column("id"))
            if let phase { request = request.filter(Column("phase") == phase) }
            return try request.fetchAll(db)
        }
    }
}
