import Foundation
import GRDB

extension ResultsStore {
    /// Stores a surface energy, replacing the row of the same cell, plane, termination, method and kind.
    @discardableResult
    public func saveSurfaceEnergy(_ record: SurfaceEnergyRecord) throws -> SurfaceEnergyRecord {
        try pool.write { db in
            try db.execute(sql: """
                DELETE FROM surface_energies WHERE cell_hash = ? AND miller = ? AND termination = ? AND method = ? AND kind = ?
                """, arguments: [record.cellHash, record.miller, record.termination, record.method, record.kind])
            var row = record
            try row.insert(db)
            return row
        }
    }

    /// Surface and interface energies, optionally of one phase, in the order stored.
    public func surfaceEnergies(phase: String? = nil) throws -> [SurfaceEnergyRecord] {
        try pool.read { db in
            var request = SurfaceEnergyRecord.order(Column("id"))
            if let phase { request = request.filter(Column("phase") == phase) }
            return try request.fetchAll(db)
        }
    }
}
