import Foundation
import GRDB

extension ResultsStore {
    /// Stores a campaign's surface energy, replacing its row of the same campaign, surface and vacuum.
    @discardableResult
    public func saveCampaignSurfaceEnergy(_ record: SurfaceEnergyRecord) throws -> SurfaceEnergyRecord {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM surface_energies WHERE campaign = ? AND surface = ? AND vacuum_a = ?",
                           arguments: [record.campaign, record.surface, record.vacuum])
            var row = record
            try row.insert(db)
            return row
        }
    }

    /// A campaign's surface energies (all campaigns' when nil), by surface then vacuum.
    public func campaignSurfaceEnergies(campaign: String? = nil) throws -> [SurfaceEnergyRecord] {
        try pool.read { db in
            var request = SurfaceEnergyRecord.filter(Column("campaign") != "")
            if let campaign { request = request.filter(Column("campaign") == campaign) }
            return try request.order(Column("campaign"), Column("surface"), Column("vacuum_a")).fetchAll(db)
        }
    }
}
