import Foundation
import GRDB
import XCTest
@testable import Store

/// v14: `surface_energies` keeps the rows of `interscreen surface`, and learns campaign rows, one
/// per (campaign, surface, vacuum), that the command's own replacement never deletes.
final class SurfaceCampaignMigrationTests: XCTestCase {
    static func commandRow(_ gamma: Double) -> SurfaceEnergyRecord {
        SurfaceEnergyRecord(kind: "surface", phase: "alpha", cellHash: "cell", formula: "CsPbI3", miller: "001",
                            termination: "CsI", method: "gfn2", surfaceEnergyJM2: gamma, converged: true, layers: 7,
                            supercell: "2x2", natoms: 68, relaxed: false, excess: "CsI", excessReference: "CsI bulk",
                            volumePerUnit: 248.8, notes: "")
    }

    static func campaignRow(vacuum: Double, gamma: Double) -> SurfaceEnergyRecord {
        SurfaceEnergyRecord(
            campaign: "c", surface: "alpha-001", vacuum: vacuum, phase: "alpha", cellHash: "cell", formula: "CsPbI3",
            miller: "001", termination: "CsI", method: "gfn2", surfaceEnergyJM2: gamma, thicknessConverged: true,
            inPlaneConverged: false, vacuumConverged: vacuum > 10 ? true : nil, layers: 7, supercell: "2x2", natoms: 68,
            excess: "CsI", excessReference: "CsI bulk", volumePerUnit: 248.8, notes: "", calculationIDs: [3, 1])
    }

    func testV13RowsAreKeptAndCampaignRowsLiveBesideThem() throws {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: RequestedSettingsMigration.name)
        // A row as v13 stored it (the record now also carries v14's campaign columns).
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO surface_energies (kind, phase, cell_hash, formula, miller, termination, method,
                  surface_energy_j_m2, converged, layers, supercell, natoms, relaxed, excess, excess_reference,
                  volume_per_unit_a3, notes, computed_at)
                VALUES ('surface', 'alpha', 'cell', 'CsPbI3', '001', 'CsI', 'gfn2', 0.21, 1, 7, '2x2', 68, 0, 'CsI',
                  'CsI bulk', 248.8, '', '2026-12-03 12:00:00.000')
                """)
        }
        try queue.close()

        let store = try ResultsStore(path: path)
        XCTAssertTrue(StoreMigrations.names.contains(SurfaceCampaignMigration.name))
        XCTAssertEqual(try store.surfaceEnergies().map(\.surfaceEnergyJM2), [0.21], "the v13 row is kept")
        XCTAssertEqual(try store.surfaceEnergies().map(\.campaign), [""], "as a row of `interscreen surface`")
        XCTAssertEqual(try store.surfaceEnergies().map(\.vacuum), [nil])
        try store.saveCampaignSurfaceEnergy(Self.campaignRow(vacuum: 10, gamma: 0.30))
        try store.saveCampaignSurfaceEnergy(Self.campaignRow(vacuum: 20, gamma: 0.25))
        try store.saveCampaignSurfaceEnergy(Self.campaignRow(vacuum: 20, gamma: 0.26))   // replaces its vacuum's row
        try store.saveSurfaceEnergy(Self.commandRow(0.22))                               // replaces the command's row only
        XCTAssertEqual(try store.surfaceEnergies().map(\.surfaceEnergyJM2), [0.22])
        let rows = try store.campaignSurfaceEnergies(campaign: "c")
        XCTAssertEqual(rows.map(\.vacuum), [10, 20])
        XCTAssertEqual(rows.map(\.surfaceEnergyJM2), [0.30, 0.26])
        XCTAssertEqual(rows.map(\.vacuumConverged), [nil, true])
        XCTAssertEqual(rows.map(\.converged), [false, false], "in plane not converged")
        XCTAssertEqual(rows[1].calculationIDList, [3, 1])
        XCTAssertEqual(try store.campaignSurfaceEnergies(campaign: "other"), [])
    }
}
