import Engine
import Foundation
import Models
import Structures
import XCTest

/// Surface energy of rock-salt NaCl (001) with GFN2 (tblite, Γ point), by two independent routes:
/// ours (SlabBuilder, the tblite bridge, SurfaceStudy's bulk reference and area) and ASE building
/// the slab and the bulk, tblite's Python API computing them, γ = (E_slab − n·E_bulk/n_bulk)/(2A)
/// written out in the Python below. Small cells (8–32 atoms) keep the test to seconds; the
/// Γ-point numbers at this size are not converged and are not a claim about NaCl.
final class SurfaceEnergyTests: XCTestCase {
    nonisolated(unsafe) static var shared: TBLiteCalculator?

    override class func setUp() {
        shared = try? TBLiteCalculator(options: TBLiteOptions(threads: 1))
    }

    override class func tearDown() {
        shared = nil
    }

    static let a = 5.64

    /// Conventional rock-salt cell (8 atoms), a = 5.64 Å.
    static var rockSalt: Structure {
        let f: [(Int, Vec3)] = [(11, Vec3(0, 0, 0)), (11, Vec3(0, 0.5, 0.5)), (11, Vec3(0.5, 0, 0.5)), (11, Vec3(0.5, 0.5, 0)),
                                (17, Vec3(0.5, 0.5, 0.5)), (17, Vec3(0.5, 0, 0)), (17, Vec3(0, 0.5, 0)), (17, Vec3(0, 0, 0.5))]
        return Structure(name: "NaCl", atomicNumbers: f.map(\.0), positions: f.map { $0.1 * a },
                         lattice: Lattice(vectors: [Vec3(a, 0, 0), Vec3(0, a, 0), Vec3(0, 0, a)]))
    }

    private func study(layers: [Int], vacuum: Double) throws -> SurfaceStudyResult {
        try BulkTBLiteOracle.require()
        let source = DirectEnergySource(calculator: try XCTUnwrap(Self.shared), settings: Settings(method: .gfn2))
        return try SurfaceStudy(cell: Self.rockSalt, spec: SlabSpec(miller: MillerIndex(0, 0, 1), termination: "NaCl",
                                                                  layers: 1, vacuum: vacuum),
                                layerSeries: layers, inPlaneSeries: [(1, 1)], threshold: 0.01, maxAtoms: 100,
                                excessPerUnit: nil, source: source).run()
    }

    /// 4 atomic layers (16 atoms), 1×1, 15 Å vacuum: our γ equals ASE + tblite's to 1e-6 J/m².
    func testRockSaltSlabMatchesAnIndependentRoute() throws {
        let ours = try XCTUnwrap(try study(layers: [4], vacuum: 15).final?.surfaceEnergyDirect)
        let oracle = try Self.oracle(layers: 2, vacuum: 15)  // ASE counts conventional cells: 2 × 2 planes
        XCTAssertEqual(ours, oracle, accuracy: 1e-6, "ours \(ours) vs ASE/tblite \(oracle)")
    }

    /// Slope route: 2 and 4 conventional cells (4 and 8 planes, 16 and 32 atoms): μ = (E_8 − E_4)/8
    /// NaCl, γ = (E_8 − 16 μ)/(2A), in ASE + tblite against ours.
    func testSlopeRouteMatchesAnIndependentRoute() throws {
        let result = try study(layers: [4, 8], vacuum: 15)
        let ours = try XCTUnwrap(result.final?.surfaceEnergy)
        XCTAssertNotNil(result.final?.slopePerUnit)
        let oracle = try Self.oracle(layers: 4, vacuum: 15, slopeFrom: 2)
        XCTAssertEqual(ours, oracle, accuracy: 1e-6, "ours \(ours) vs ASE/tblite \(oracle)")
    }

    /// The symmetric slab is stoichiometric: no μ needed, faces related by a mirror (with a shift).
    func testRockSaltSlabIsStoichiometric() throws {
        let slab = try SlabBuilder.build(Self.rockSalt, spec: SlabSpec(miller: MillerIndex(0, 0, 1), termination: "NaCl",
                                                                       layers: 4))
        XCTAssertTrue(slab.isStoichiometric)
        XCTAssertEqual(slab.bulkUnits, 8)
        XCTAssertEqual(slab.area, Self.a * Self.a, accuracy: 1e-9)
    }

    /// ASE: bulk('NaCl', 'rocksalt', cubic) → surface(…, (0,0,1), layers, vacuum) for the slab; the
    /// same cubic cell repeated 1×1×2 for the bulk reference; tblite GFN2 on both.
    static func oracle(layers: Int, vacuum: Double, slopeFrom: Int = 0) throws -> Double {
        let script = #"""
import sys
import numpy as np
from ase.build import bulk, surface
from tblite.interface import Calculator
a, layers, vacuum, thin = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
cell = bulk("NaCl", "rocksalt", a=a, cubic=True)
slab = surface(cell, (0, 0, 1), layers, vacuum=vacuum / 2, periodic=True)
ref = cell.repeat((1, 1, 2))
bohr = 1.0 / 0.529177210903
def energy(atoms):
    calc = Calculator("GFN2-xTB", atoms.numbers, atoms.positions * bohr,
                      lattice=np.array(atoms.cell) * bohr, periodic=np.array([True, True, True]))
    calc.set("verbosity", 0)
    return float(calc.singlepoint().get("energy"))
e_slab = energy(slab)
if thin:   # slope of E over NaCl units between a thinner slab and this one
    other = surface(cell, (0, 0, 1), thin, vacuum=vacuum / 2, periodic=True)
    per_unit = (e_slab - energy(other)) / ((len(slab) - len(other)) / 2)
else:
    per_unit = energy(ref) / (len(ref) / 2)
area = np.linalg.norm(np.cross(slab.cell[0], slab.cell[1]))
gamma = (e_slab - per_unit * len(slab) / 2) / (2 * area)   # Eh / Å²
print(repr(float(gamma * 4.3597447222071e-18 / 1e-20)))
"""#
        let out = try BulkTBLiteOracle.run(["-c", script, String(a), String(layers), String(vacuum), String(slopeFrom)], input: "")
        return try XCTUnwrap(Double(out))
    }
}
