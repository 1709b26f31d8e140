import Foundation
import XCTest

/// `interscreen surface --json` states the vacuum of its γ and whether the vacuum converged
/// (docs/surfaces.md "Vacuum"): NaCl (001), 1×1, 2 and 4 planes, GFN1, 15 Å then 30 Å.
final class SurfaceVacuumCLITests: XCTestCase {
    func testJSONCarriesTheVacuumSeriesAndItsVerdict() throws {
        let cli = try CLIHarness()
        let a = 5.64
        let poscar = """
        NaCl
        1.0
        \(a) 0 0
        0 \(a) 0
        0 0 \(a)
        Na Cl
        4 4
        Direct
        0 0 0
        0 0.5 0.5
        0.5 0 0.5
        0.5 0.5 0
        0.5 0.5 0.5
        0.5 0 0
        0 0.5 0
        0 0 0.5

        """
        try poscar.write(toFile: cli.path("POSCAR"), atomically: true, encoding: .utf8)
        let result = try cli.run(["surface", cli.path("POSCAR"), "--miller", "001", "--termination", "NaCl", "--gfn", "1",
                                  "--layers", "2,4", "--in-plane", "1x1", "--vacuum", "15", "--vacuum-series", "30",
                                  "--db", cli.path("s.sqlite"), "--json"])
        let object = try XCTUnwrap(result.jsonLines.last, result.stderr)
        XCTAssertEqual(object["base_vacuum_angstrom"] as? Double, 15)
        XCTAssertEqual(object["vacuum_angstrom"] as? Double, 30)
        let series = try XCTUnwrap(object["vacuum_series"] as? [[String: Any]])
        XCTAssertEqual(series.compactMap { $0["vacuum_angstrom"] as? Double }, [15, 30])
        let gammas = series.compactMap { $0["surface_energy_j_m2"] as? Double }
        XCTAssertEqual(gammas.count, 2)
        XCTAssertEqual(object["surface_energy_j_m2"] as? Double, gammas.last)
        // Two vacua cannot show convergence (the rule needs two small changes in a row).
        XCTAssertEqual(object["vacuum_converged"] as? Bool, false)
        XCTAssertEqual(object["converged"] as? Bool, false)
        let notes = try XCTUnwrap(object["notes"] as? [String])
        XCTAssertTrue(notes.contains { $0.contains("vacuum NOT converged") }, "\(notes)")
    }
}
