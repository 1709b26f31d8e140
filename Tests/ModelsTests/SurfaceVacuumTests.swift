import Engine
import Foundation
import Models
import Structures
import XCTest

/// The vacuum test of `SurfaceStudy` (docs/surfaces.md "Vacuum"): at each vacuum γ comes from the
/// slope over thickness at that vacuum, and the study is called vacuum-converged only when two
/// consecutive vacua agree. Checked against tblite's Python API on slabs that ASE builds (fast),
/// and the flag against the xtb binary's periodic GFN1 (`SurfaceVacuumOracleTests`, slow).
final class SurfaceVacuumTests: XCTestCase {
    /// NaCl (001), 1×1 in plane, 2 and 4 planes, GFN1, 15 Å then 30 and 60 Å: each γ equals the
    /// slope-route γ that ASE + tblite compute at that vacuum, and the flag (both changes below
    /// 0.01 J/m²) follows those independent numbers.
    func testEachVacuumGammaMatchesAnIndependentRoute() throws {
        try BulkTBLiteOracle.require()
        let calculator = try TBLiteCalculator(options: TBLiteOptions(threads: 1))
        let source = DirectEnergySource(calculator: calculator, settings: Settings(method: .gfn1))
        let threshold = 0.01
        let rule = VacuumRule(series: [60, 30], threshold: threshold)
        let result = try SurfaceStudy(cell: SurfaceEnergyTests.rockSalt,
                                      spec: SlabSpec(miller: MillerIndex(0, 0, 1), termination: "NaCl", layers: 1, vacuum: 15),
                                      layerSeries: [2, 4], inPlaneSeries: [(1, 1)], threshold: 0.01, maxAtoms: 100,
                                      excessPerUnit: nil, source: source, vacuumRule: rule).run()
        XCTAssertEqual(result.vacuumSeries.map(\.vacuum), [15, 30, 60])
        var oracle: [Double] = []
        for point in result.vacuumSeries {
            let expected = try Self.slopeGamma(method: "GFN1-xTB", a: SurfaceEnergyTests.a, repeats: 1, vacuum: point.vacuum)
            oracle.append(expected)
            XCTAssertEqual(try XCTUnwrap(point.surfaceEnergy), expected, accuracy: 1e-6, "vacuum \(point.vacuum) Å")
        }
        let changes = zip(oracle.dropFirst(), oracle).map { abs($0 - $1) }
        XCTAssertEqual(result.vacuumConverged, changes.allSatisfy { $0 < threshold }, "oracle γ \(oracle)")
        XCTAssertEqual(result.finalVacuum, result.vacuumSeries.last?.vacuum)
        XCTAssertEqual(result.final?.surfaceEnergy, result.vacuumSeries.last?.surfaceEnergy)
        if !result.vacuumConverged {
            XCTAssertFalse(result.converged)
            XCTAssertTrue(result.stops.contains { $0.contains("vacuum NOT converged") }, "\(result.stops)")
        }
    }

    /// No vacuum rule: the result says the vacuum was not tested and is not converged.
    func testWithoutARuleTheVacuumIsNotTested() throws {
        let rule = try VacuumRule.parse("none", threshold: 0.01)
        XCTAssertNil(rule)
        XCTAssertEqual(try VacuumRule.parse("80, 40,40", threshold: 0.01)?.vacua(after: 20), [40, 80])
        XCTAssertEqual(try VacuumRule.parse("10,40", threshold: 0.01)?.vacua(after: 20), [40])
        XCTAssertThrowsError(try VacuumRule.parse("40,-1", threshold: 0.01))
        XCTAssertThrowsError(try VacuumRule.parse("40,x", threshold: 0.01))
    }

    /// γ (J/m²) from the slope route in ASE + tblite: NaCl conventional cell, (001) slabs of 1 and 2
    /// cells (2 and 4 planes), `repeats` × `repeats` in plane, `vacuum` Å between slab and image.
    static func slopeGamma(method: String, a: Double, repeats: Int, vacuum: Double) throws -> Double {
        let script = #"""
import sys
import numpy as np
from ase.build import bulk, surface
from tblite.interface import Calculator
method, a, rep, vacuum = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
cell = bulk("NaCl", "rocksalt", a=a, cubic=True)
bohr = 1.0 / 0.529177210903
def slab(cells):
    return surface(cell, (0, 0, 1), cells, vacuum=vacuum / 2, periodic=True).repeat((rep, rep, 1))
def energy(atoms):
    calc = Calculator(method, atoms.numbers, atoms.positions * bohr,
                      lattice=np.array(atoms.cell) * bohr, periodic=np.array([True, True, True]))
    calc.set("verbosity", 0)
    return float(calc.singlepoint().get("energy"))
thin, thick = slab(1), slab(2)
e_thin, e_thick = energy(thin), energy(thick)
per_unit = (e_thick - e_thin) / ((len(thick) - len(thin)) / 2)
area = np.linalg.norm(np.cross(thick.cell[0], thick.cell[1]))
print(repr(float((e_thick - per_unit * len(thick) / 2) / (2 * area) * 4.3597447222071e-18 / 1e-20)))
"""#
        let out = try BulkTBLiteOracle.run(["-c", script, method, String(a), String(repeats), String(vacuum)], input: "")
        return try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
