import Engine
import Foundation
import Models
import Structures
import XCTest

/// δ-CsPbI3 ribbon slabs computed with GFN2 (tblite, Γ point) through our bridge, checked against
/// tblite's own Python API on the same atoms. The slabs are small (20–30 atoms, seconds each); the
/// numbers are not converged and are not a claim about δ's surface energy.
final class RibbonSlabEnergyTests: TBLiteStudyTestCase {
    private func spec(layers: Int) -> SlabSpec {
        SlabSpec(miller: MillerIndex(1, 0, 0), termination: RibbonSlabBuilder.termination, layers: layers, vacuum: 15)
    }

    /// Two ribbon layers of δ (100) (20 atoms): our bridge and tblite's Python API agree to 1e-6 Eh.
    func testSmallestDelta100SlabComputes() throws {
        let slab = try SlabBuilder.build(try BulkSupercellTests.cell("delta"), spec: spec(layers: 2))
        let ours = try source().energy(of: slab.structure, builtFrom: slab.structure).energy
        let oracle = try BulkTBLiteOracle.energy(of: slab.structure, matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        XCTAssertTrue(ours.isFinite && ours < 0, "\(ours)")
        XCTAssertEqual(ours, oracle, accuracy: 1e-6)
    }

    /// The `surface` command's path (SurfaceStudy → SlabBuilder) runs for δ (100) ribbons: two
    /// thicknesses give a γ from the slope, stoichiometric (no excess), faces related by a symmetry.
    func testSurfaceStudyRunsOnRibbons() throws {
        let study = SurfaceStudy(cell: try BulkSupercellTests.cell("delta"), spec: spec(layers: 1), layerSeries: [2, 3],
                                 inPlaneSeries: [(1, 1)], threshold: 0.01, maxAtoms: 100, excessPerUnit: nil,
                                 source: try source())
        let result = try study.run()
        XCTAssertEqual(result.thickness.map(\.atoms), [20, 30])
        XCTAssertEqual(result.excess, "")
        XCTAssertFalse(result.symmetry.isEmpty)
        let last = try XCTUnwrap(result.final)
        XCTAssertNotNil(last.slopePerUnit)
        XCTAssertTrue(last.surfaceEnergy?.isFinite ?? false)
        print("δ(100) ribbons, GFN2, 15 Å vacuum:", result.thickness.map { ($0.layers, $0.energy, $0.surfaceEnergy ?? .nan,
                                                                            $0.surfaceEnergyDirect ?? .nan, $0.seconds) })
    }
}
