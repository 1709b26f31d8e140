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
        // A row as v13 stored it (the record now also carries v14's campaign columns).
        let path = try StoreFixtures.databaseWithSurfaceRow(self, upTo: RequestedSettingsMigration.name)

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
