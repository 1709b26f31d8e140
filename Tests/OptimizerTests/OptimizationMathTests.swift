@testable import Optimization
import Foundation
import Structures
import XCTest

/// The optimiser's numerical pieces, without the engine.
final class OptimizationMathTests: XCTestCase {
    private func randomSymmetric(_ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { let v = next(); a[i * n + j] = v; a[j * n + i] = v } }
        return a
    }

    func testSymmetricEigenDecomposes() {
        for n in [1, 2, 7, 60] {
            let a = randomSymmetric(n, seed: UInt64(n))
            let e = SymmetricEigen(a, n: n)
            XCTAssertEqual(e.values, e.values.sorted())
            for k in 0..<n {
                let v = Array(e.vector(k))
                for i in 0..<n {
                    var av = 0.0
                    for j in 0..<n { av += a[i * n + j] * v[j] }
                    XCTAssertEqual(av, e.values[k] * v[i], accuracy: 1e-10, "n=\(n) k=\(k)")
                }
                for l in 0..<n {
                    let dot = zip(v, Array(e.vector(l))).reduce(0) { $0 + $1.0 * $1.1 }
                    XCTAssertEqual(dot, k == l ? 1 : 0, accuracy: 1e-10)
                }
            }
        }
    }

    func testModelHessianIsSymmetricAndBlindToRigidMotion() throws {
        let zn = try OptimizationOracle.fragment("Zn-Im2-HIm2")
        let x = zn.positions.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
        let n = x.count
        let h = ModelHessian.lindh(numbers: zn.atomicNumbers, x: x)
        for i in 0..<n { for j in 0..<n { XCTAssertEqual(h[i * n + j], h[j * n + i], accuracy: 1e-12) } }
        for mode in ExternalModes(x: x).basis {
            for i in 0..<n {
                let hv = (0..<n).reduce(0.0) { $0 + h[i * n + $1] * mode[$1] }
                XCTAssertEqual(hv, 0, accuracy: 1e-9)
            }
        }
        // Calibrated heavy-pair curvature: Pb–I 0.069 Eh/Bohr² at 2.84 Å (GFN2), model within 2×.
        let k = ModelHessian.kStretch * ModelHessian.rho(82, 53, r: 2.84 * Units.bohrPerAngstrom)
        XCTAssertEqual(k, 0.069, accuracy: 0.035)
        // Lindh's own table for C–H at its reference length: ρ = 1.
        XCTAssertEqual(ModelHessian.rho(6, 1, r: 2.10), 1, accuracy: 1e-12)
    }

    func testTrustRegionStepStaysInsideTheRadius() {
        let n = 5
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n + i] = [0.01, 0.1, 0.5, 1, 2][i] }
        let e = SymmetricEigen(a, n: n)
        let g = [0.05, -0.02, 0.1, 0.0, 0.3]
        for model in [QuasiNewtonStep.Model.newton, .rationalFunction] {
            let long = QuasiNewtonStep(eigen: e, gradient: g, trustRadius: 0.5, model: model)
            XCTAssertEqual(long.length, 0.5, accuracy: 1e-9)
            XCTAssertTrue(long.restricted)
            XCTAssertLessThan(long.predictedChange, 0)
        }
        let newton = QuasiNewtonStep(eigen: e, gradient: g, trustRadius: 100, model: .newton)
        XCTAssertFalse(newton.restricted)
        let expected = zip(g, [0.01, 0.1, 0.5, 1, 2]).map { -$0 / $1 }
        for (s, t) in zip(newton.step, expected) { XCTAssertEqual(s, t, accuracy: 1e-12) }
    }

    func testDampedBFGSKeepsTheHessianPositiveDefinite() {
        let n = 3
        var h = [1.0, 0, 0, 0, 1, 0, 0, 0, 1]
        // A step along which the gradient decreases (negative curvature): damped, not inverted.
        HessianUpdate.dampedBFGS(&h, n: n, step: [0.1, 0, 0], gradientChange: [-0.05, 0, 0])
        XCTAssertGreaterThan(SymmetricEigen(h, n: n).values[0], 0)
        // A plain positive-curvature step is reproduced: H s = y afterwards.
        var h2 = [1.0, 0, 0, 0, 1, 0, 0, 0, 1]
        let s = [0.1, 0.05, 0], y = [0.3, 0.02, 0.0]
        HessianUpdate.dampedBFGS(&h2, n: n, step: s, gradientChange: y)
        for i in 0..<n {
            let hs = (0..<n).reduce(0.0) { $0 + h2[i * n + $1] * s[$1] }
            XCTAssertEqual(hs, y[i], accuracy: 1e-12)
        }
    }
}
