import Foundation
@testable import Reports
@testable import Store
import XCTest

/// The report's surface-energy table: one row per (surface, vacuum), naming its rows; no section
/// without campaign surfaces.
final class SurfaceEnergyTablesTests: XCTestCase {
    func testRowsNameTheirSurfaceAndCalculationRows() throws {
        var data = ReportData(database: "db", campaign: "c", verdicts: [], reactions: [], tasks: [], calculations: [],
                              optimizations: [], failures: [])
        XCTAssertNil(SurfaceEnergyTables.section(data))
        var row = SurfaceEnergyRecord(
            campaign: "c", surface: "NaCl-001", vacuum: 12, phase: "NaCl", cellHash: "h", formula: "NaCl", miller: "001",
            termination: "NaCl", method: "gfn2", surfaceEnergyJM2: 0.5650604749564712, thicknessConverged: false,
            inPlaneConverged: true, vacuumConverged: nil, layers: 3, supercell: "2x2", natoms: 24, excess: "",
            excessReference: nil, volumePerUnit: 44.9, notes: "", calculationIDs: [6, 10, 8])
        row.id = 7
        data.campaignSurfaces = [row]
        let table = try XCTUnwrap(SurfaceEnergyTables.section(data)?.tables.first)
        XCTAssertEqual(table.rows, [["NaCl-001", "12", "0.565060", "no", "yes", "not tested", "3 2x2", "24",
                                     "surface_energies 7; calculations 6, 10, 8"]])
        XCTAssertTrue(MarkdownReport.render(ReportContent(data)).contains("## Surface energies"))
    }
}
