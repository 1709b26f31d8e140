import Engine
import Foundation
import Models
import Structures
import XCTest
import XTBOracle

/// Honesty of the vacuum flag against an independent program: NaCl (001), 3×3 conventional cells in
/// plane (the smallest cell the xtb 6.5.1 binary takes without a Cholesky failure, bench/pbc), 2 and
/// 4 planes, GFN1. Our protocol runs tblite at 20, 40 and 80 Å; the xtb binary's periodic GFN1 gives
/// the slope-route γ at 80 Å on slabs built here from scratch. If our study calls the vacuum
/// converged, its γ must agree with the binary's within 0.03 J/m² (three times the convergence
/// threshold); if they disagree by more, the study must say NOT converged. Slow (~5 min loaded).
final class SurfaceVacuumOracleTests: XCTestCase {
    func testVacuumFlagIsHonestAgainstTheXTBBinary() throws {
        try BulkTBLiteOracle.require()
        let calculator = try TBLiteCalculator(options: TBLiteOptions(threads: 1))
        let source = DirectEnergySource(calculator: calculator, settings: Settings(method: .gfn1))
        let result = try SurfaceStudy(cell: SurfaceEnergyTests.rockSalt,
                                      spec: SlabSpec(miller: MillerIndex(0, 0, 1), termination: "NaCl", layers: 1, vacuum: 20),
                                      layerSeries: [2, 4], inPlaneSeries: [(3, 3)], threshold: 0.01, maxAtoms: 200,
                                      excessPerUnit: nil, source: source,
                                      vacuumRule: VacuumRule(series: [40, 80], threshold: 0.01)).run()
        let ours = try XCTUnwrap(result.final?.surfaceEnergy)
        let vacuum = result.finalVacuum
        let thin = try XTBBinaryOracle.run(Self.slab(planes: 2, repeats: 3, vacuum: vacuum), arguments: ["--gfn", "1"]).energy
        let thick = try XTBBinaryOracle.run(Self.slab(planes: 4, repeats: 3, vacuum: vacuum), arguments: ["--gfn", "1"]).energy
        let a = SurfaceEnergyTests.a
        let area = 9 * a * a
        let perUnit = (thick - thin) / 36   // 72 → 144 atoms: 36 more NaCl
        let reference = (thick - 72 * perUnit) / (2 * area) * 4.3597447222071e-18 / 1e-20
        let agree = abs(ours - reference) < 0.03
        let message = "tblite protocol γ \(ours) J/m² at \(vacuum) Å (vacuum converged: \(result.vacuumConverged)), xtb binary \(reference)"
        if result.vacuumConverged { XCTAssertTrue(agree, message) }
        if !agree {
            XCTAssertFalse(result.vacuumConverged, message)
            XCTAssertFalse(result.converged, message)
        }
        print(message)
    }

    /// Rock-salt (001) slab from scratch: `planes` planes of (2·repeats)² sites, spacing a/2, vacuum
    /// between the outer planes and their images.
    static func slab(planes: Int, repeats: Int, vacuum: Double) -> Structure {
        let a = SurfaceEnergyTests.a, half = a / 2, side = 2 * repeats
        var numbers: [Int] = [], positions: [Vec3] = []
        for k in 0..<planes {
            for i in 0..<side {
                for j in 0..<side {
                    numbers.append((i + j + k) % 2 == 0 ? 11 : 17)
                    positions.append(Vec3(Double(i) * half, Double(j) * half, Double(k) * half + vacuum / 2))
                }
            }
        }
        let height = Double(planes - 1) * half + vacuum
        return Structure(name: "NaCl-slab", atomicNumbers: numbers, positions: positions,
                         lattice: Lattice(vectors: [Vec3(Double(repeats) * a, 0, 0), Vec3(0, Double(repeats) * a, 0), Vec3(0, 0, height)]))
    }
}
