@testable import Optimization
import Engine
import Foundation
import Structures
import XCTest

/// Translation-rotation internal coordinates (TRIC): B matrix, rotations, back-transformation,
/// and an optimisation against the Cartesian one.
final class InternalCoordinateTests: XCTestCase {
    static func bench(_ name: String) throws -> Structure {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try StructureFile.read(path: root.appendingPathComponent("clusters/opt-bench/\(name).extxyz").path)
    }

    private static func bohr(_ s: Structure) -> [Double] {
        s.positions.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
    }

    /// A deterministic displacement of every coordinate by up to `amplitude` Bohr.
    private static func shaken(_ x: [Double], amplitude: Double, seed: UInt64 = 7) -> [Double] {
        var state = seed
        return x.map { value in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return value + amplitude * (Double(state >> 11) / Double(1 << 53) * 2 - 1)
        }
    }

    /// x rotated about the centroid of `atoms` by the rotation vector `omega` (Rodrigues).
    private static func rotated(_ x: [Double], atoms: [Int], omega: SIMD3<Double>) -> [Double] {
        let angle = (omega * omega).sum().squareRoot()
        let k = omega / angle
        var centre = SIMD3<Double>(repeating: 0)
        for a in atoms { centre += SIMD3(x[3 * a], x[3 * a + 1], x[3 * a + 2]) }
        centre /= Double(atoms.count)
        var out = x
        for a in atoms {
            let v = SIMD3(x[3 * a], x[3 * a + 1], x[3 * a + 2]) - centre
            let kxv = SIMD3(k.y * v.z - k.z * v.y, k.z * v.x - k.x * v.z, k.x * v.y - k.y * v.x)
            let r = v * cos(angle) + kxv * sin(angle) + k * (k * v).sum() * (1 - cos(angle)) + centre
            out[3 * a] = r.x
            out[3 * a + 1] = r.y
            out[3 * a + 2] = r.z
        }
        return out
    }

    // MARK: - B matrix

    /// Every primitive's B row (bonds, bends, torsions, translations, rotations) against central
    /// finite differences of its value, at a geometry away from the one the system was built at
    /// (so that the rotations are not at the identity).
    func testWilsonRowsMatchFiniteDifferences() throws {
        var kinds = Set<String>()
        for name in ["HIm-perturbed", "Cs4PbI6-perturbed", "Zn-Im2-HIm2-perturbed"] {
            let s = try Self.bench(name)
            let x0 = Self.bohr(s)
            let system = InternalCoordinates(numbers: s.atomicNumbers, x: x0)
            var x = Self.shaken(x0, amplitude: 0.05)
            for fragment in system.graph.fragments where fragment.count > 2 {
                x = Self.rotated(x, atoms: fragment, omega: SIMD3(0.3, -0.2, 0.4))
            }
            let rows = system.rows(x)
            let h = 1e-5
            for c in 0..<x.count {
                var plus = x, minus = x
                plus[c] += h
                minus[c] -= h
                let numeric = zip(system.primitiveDifference(plus, x), system.primitiveDifference(minus, x))
                    .map { ($0 - $1) / (2 * h) }
                for (p, row) in rows.enumerated() {
                    var analytic = 0.0
                    for (a, v) in zip(row.atoms, row.vectors) where 3 * a <= c && c < 3 * a + 3 { analytic += v[c - 3 * a] }
                    XCTAssertEqual(analytic, numeric[p], accuracy: 1e-6 * max(1, abs(numeric[p])),
                                   "\(name): \(system.primitives[p]) coordinate \(c)")
                    kinds.insert(String(describing: system.primitives[p]).components(separatedBy: "(")[0])
                }
            }
        }
        let expected: Set<String> = ["stretch", "bend", "torsion", "translation", "rotation"]
        XCTAssertTrue(expected.isSubset(of: kinds), "\(kinds)")
    }

    /// A rigidly rotated and translated fragment: rotation coordinates equal the rotation vector
    /// times the radius of gyration, translations the centroid shift, internals unchanged.
    func testRigidMotionMovesOnlyRotationsAndTranslations() throws {
        let s = try Self.bench("HIm-perturbed")
        let x0 = Self.bohr(s)
        let system = InternalCoordinates(numbers: s.atomicNumbers, x: x0)
        XCTAssertEqual(system.graph.fragments.count, 1)
        let omega = SIMD3<Double>(0.5, -0.3, 0.2)
        var x = Self.rotated(x0, atoms: Array(0..<s.count), omega: omega)
        for a in 0..<s.count { x[3 * a] += 0.7; x[3 * a + 2] -= 0.2 }
        let d = system.primitiveDifference(x, x0)
        let weight = try XCTUnwrap(system.frames[0]).weight
        for (p, primitive) in system.primitives.enumerated() {
            switch primitive {
            case let .rotation(_, axis): XCTAssertEqual(d[p], omega[axis] * weight, accuracy: 1e-9)
            case let .translation(_, axis): XCTAssertEqual(d[p], [0.7, 0, -0.2][axis], accuracy: 1e-12)
            default: XCTAssertEqual(d[p], 0, accuracy: 1e-9, "\(primitive)")
            }
        }
    }

    // MARK: - Fragments and rank

    /// The δ product: one lead-iodide fragment, one zinc imidazolate, eight Cs⁺ ions; the
    /// delocalised coordinates span all 3N directions.
    func testFragmentsAndDimension() throws {
        let product = try Self.bench("CsPbI3-delta-ZnIm-product")
        let system = InternalCoordinates(numbers: product.atomicNumbers, x: Self.bohr(product))
        let sizes = system.graph.fragments.map(\.count).sorted()
        XCTAssertEqual(sizes, Array(repeating: 1, count: 8) + [28, 39])
        for fragment in system.graph.fragments where fragment.count == 1 {
            XCTAssertEqual(product.atomicNumbers[fragment[0]], 55)
        }
        XCTAssertEqual(system.dimension, 3 * product.count)
        for name in ["HIm-perturbed", "PbI3-anion-perturbed", "Cs4PbI6-perturbed", "Zn-Im2-HIm2-perturbed"] {
            let s = try Self.bench(name)
            XCTAssertEqual(InternalCoordinates(numbers: s.atomicNumbers, x: Self.bohr(s)).dimension, 3 * s.count, name)
        }
    }

    // MARK: - Back-transformation

    /// An internal step of 0.3 is reached to 1e-7 by the iteration; the first (linear) iterate alone misses it.
    func testBackTransformationReachesTarget() throws {
        for name in ["HIm-perturbed", "Cs4PbI6-perturbed"] {
            let s = try Self.bench(name)
            let x = Self.bohr(s)
            let system = InternalCoordinates(numbers: s.atomicNumbers, x: x)
            var target = Self.shaken([Double](repeating: 0, count: system.dimension), amplitude: 1, seed: 3)
            let norm = target.reduce(0) { $0 + $1 * $1 }.squareRoot()
            target = target.map { $0 * 0.3 / norm }
            let map = system.inverseMap(x)
            let back = BackTransformation(system, from: x, step: target, map0: map)
            XCTAssertTrue(back.converged, name)
            let reached = system.difference(back.x, x)
            for (a, b) in zip(reached, target) { XCTAssertEqual(a, b, accuracy: 1e-7, name) }
            let linear = zip(x, InternalCoordinates.applyTransposed(map, target, columns: x.count)).map { $0 + $1 }
            let miss = zip(system.difference(linear, x), target).map { abs($0 - $1) }.max() ?? 0
            XCTAssertGreaterThan(miss, 1e-4, "\(name): the linear step should not already hit the target")
        }
    }

    /// g_q = G⁻ B g_x gives back the Cartesian gradient through Bᵀ g_q (B square and invertible).
    func testInternalGradientRoundTrips() throws {
        let s = try Self.bench("Zn-Im2-HIm2-perturbed")
        let x = Self.bohr(s)
        let system = InternalCoordinates(numbers: s.atomicNumbers, x: x)
        let gx = Self.shaken([Double](repeating: 0, count: x.count), amplitude: 0.01, seed: 5)
        let gq = InternalCoordinates.apply(system.inverseMap(x), gx, rows: system.dimension)
        let b = system.wilson(x)
        let m = x.count
        for c in 0..<m {
            var back = 0.0
            for d in 0..<system.dimension { back += b[d * m + c] * gq[d] }
            XCTAssertEqual(back, gx[c], accuracy: 1e-9)
        }
    }

    // MARK: - Options and identity

    func testIdentityUnchangedByDefault() throws {
        let s = try Self.bench("HIm-perturbed")
        let cartesian = OptimizationIdentity(structure: s, options: .init())
        XCTAssertFalse(cartesian.canonicalText.contains("coordinates"))
        var options = OptimizationOptions()
        options.coordinates = .tric
        let tric = OptimizationIdentity(structure: s, options: options)
        XCTAssertTrue(tric.canonicalText.hasSuffix("coordinates=tric\n"))
        XCTAssertNotEqual(tric.hash, cartesian.hash)
    }

    // MARK: - With the engine

    /// HIm from the benchmark's perturbed start: TRIC converges to the Cartesian optimiser's
    /// energy within 1e-5 Eh.
    func testTRICOptimisationMatchesCartesian() throws {
        ThreadControl.apply(threads: 1)
        let calc = try XTBCalculator()
        let start = try Self.bench("HIm-perturbed")
        var options = OptimizationOptions()
        let cartesian = try Optimizer(calculator: calc, settings: Settings(), options: options).optimize(start)
        options.coordinates = .tric
        let tric = try Optimizer(calculator: calc, settings: Settings(), options: options).optimize(start)
        XCTAssertTrue(cartesian.converged)
        XCTAssertTrue(tric.converged, "\(tric.status)")
        XCTAssertEqual(tric.result.energy, cartesian.result.energy, accuracy: 1e-5)
        XCTAssertTrue(tric.notes.contains { $0.hasPrefix("TRIC coordinates") }, "\(tric.notes)")
        let again = try calc.singlePoint(tric.structure, settings: Settings())
        XCTAssertEqual(again.energy, tric.result.energy)
    }

    /// Frozen atoms: TRIC falls back to the Cartesian path (same result, bit for bit) with a note.
    func testFrozenAtomsFallBackToCartesian() throws {
        ThreadControl.apply(threads: 1)
        let calc = try XTBCalculator()
        let start = try Self.bench("HIm-perturbed")
        var options = OptimizationOptions(frozenAtoms: [0, 1])
        let cartesian = try Optimizer(calculator: calc, settings: Settings(), options: options).optimize(start)
        options.coordinates = .tric
        let tric = try Optimizer(calculator: calc, settings: Settings(), options: options).optimize(start)
        XCTAssertEqual(tric.structure.positions, cartesian.structure.positions)
        XCTAssertEqual(tric.structure.positions[0], start.positions[0])
        XCTAssertEqual(tric.result.energy, cartesian.result.energy)
        XCTAssertTrue(tric.notes.contains { $0.contains("frozen atoms: optimised in Cartesian") }, "\(tric.notes)")
    }
}

/// The automatic choice of coordinates, on the benchmark's structures.
final class CoordinateChoiceTests: XCTestCase {
    private func choice(_ name: String, frozen: [Int] = []) throws -> OptimizationCoordinates {
        OptimizationCoordinates.automatic.resolved(for: try InternalCoordinateTests.bench(name), frozenAtoms: frozen)
    }

    /// Interface products (a perovskite unit and a zinc imidazolate) step in TRIC; one molecule,
    /// or one lead-iodide framework with Cs⁺ ions, in Cartesians; frozen atoms force Cartesians.
    func testProductsGetTRICAndSingleUnitsCartesians() throws {
        XCTAssertEqual(try choice("CsPbI3-delta-ZnIm-product"), .tric)
        XCTAssertEqual(try choice("CsPbI3-alpha-ZnIm-product"), .tric)
        for name in ["Zn-Im2-HIm2-perturbed", "CsPbI3-alpha-Cs8Pb8I24", "CsPbI3-delta-Cs8Pb8I24", "Cs4PbI6-perturbed",
                     "HIm-perturbed", "PbI3-anion-perturbed"] {
            XCTAssertEqual(try choice(name), .cartesian, name)
        }
        XCTAssertEqual(try choice("CsPbI3-delta-ZnIm-product", frozen: [0]), .cartesian)
    }

    /// The identity names the coordinates used: automatic and an explicit TRIC on a product are
    /// one optimisation; on a single molecule automatic is the old Cartesian identity.
    func testIdentityFollowsTheResolvedChoice() throws {
        let product = try InternalCoordinateTests.bench("CsPbI3-delta-ZnIm-product")
        let molecule = try InternalCoordinateTests.bench("HIm-perturbed")
        var tric = OptimizationOptions()
        tric.coordinates = .tric
        var cartesian = OptimizationOptions()
        cartesian.coordinates = .cartesian
        XCTAssertEqual(OptimizationIdentity(structure: product, options: .init()).hash,
                       OptimizationIdentity(structure: product, options: tric).hash)
        XCTAssertNotEqual(OptimizationIdentity(structure: product, options: .init()).hash,
                          OptimizationIdentity(structure: product, options: cartesian).hash)
        XCTAssertEqual(OptimizationIdentity(structure: molecule, options: .init()).hash,
                       OptimizationIdentity(structure: molecule, options: cartesian).hash)
    }
}
