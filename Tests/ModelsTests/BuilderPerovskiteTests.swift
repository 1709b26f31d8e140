import Foundation
import Models
import Structures
import XCTest

/// Perovskite surface fragments: stoichiometry, neutrality, distances, determinism, marking.
final class BuilderPerovskiteTests: XCTestCase {
    func testStoichiometricNeutralAndSaneForPhasesAndSizes() throws {
        for phase in ["alpha", "gamma", "delta"] {
            for n in [8, 9, 12, 18] {
                let f = try BuilderFixtures.fragment(phase, units: n)
                let s = f.structure
                XCTAssertEqual(s.count, 5 * n, "\(phase) \(n)")
                XCTAssertEqual(BuilderFixtures.count(s, 82), n)
                XCTAssertEqual(BuilderFixtures.count(s, 53), 3 * n)
                XCTAssertEqual(BuilderFixtures.count(s, 55), n)
                XCTAssertEqual(s.charge, 0)
                let formal = BuilderFixtures.count(s, 55) + 2 * BuilderFixtures.count(s, 82) - BuilderFixtures.count(s, 53)
                XCTAssertEqual(formal, 0, "Cs+ Pb2+ I− formal charges sum to zero")
                XCTAssertNoThrow(try ChemistryCheck.check(s), "\(s.name)")
                XCTAssertNoThrow(try StructureValidator.validate(s, file: s.name, allowedElements: 1...86, methodName: "GFN2"))
                XCTAssertFalse(f.facing.isEmpty, "\(s.name) has glass-facing sites")
                XCTAssertTrue(f.facing.allSatisfy { s.atomicNumbers[$0] == 53 })
            }
        }
    }

    /// Every B keeps at least three X, and the cut is compact: no B farther than 2 Pb–Pb
    /// spacings from its nearest other B.
    func testFragmentsAreCompact() throws {
        for phase in ["alpha", "delta"] {
            let s = try BuilderFixtures.fragment(phase, units: 18).structure
            let pb = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 82 }
            let iodide = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 53 }
            for b in pb {
                let x = iodide.filter { distance(s, b, $0) < 3.6 }.count
                XCTAssertGreaterThanOrEqual(x, 3, "\(phase) Pb \(b + 1) has \(x) I")
                let nearest = pb.filter { $0 != b }.map { distance(s, b, $0) }.min()!
                XCTAssertLessThan(nearest, 7.0)
            }
        }
    }

    /// The same recipe as bench/optimize-build-structures (an independent Python implementation):
    /// its 40-atom fragments come out atom for atom, from the cell centre (the script's first
    /// version) or from a lattice point (its later, Pb-centred version).
    func testReproducesTheOptimiserBenchmarkFragments() throws {
        for phase in ["alpha", "delta"] {
            let theirs = try StructureFile.read(path: BuilderFixtures.path("clusters/opt-bench/CsPbI3-\(phase)-Cs8Pb8I24.extxyz"))
            let matches = try [Vec3(0.5, 0.5, 0.5), Vec3(0, 0, 0)].filter { centre in
                let mine = try PerovskiteFragmentBuilder.build(cell: BuilderFixtures.cell(phase),
                                                               spec: PerovskiteFragmentSpec(units: 8, centre: centre)).structure
                return Self.sameAtoms(mine, theirs, tolerance: 1e-8)
            }
            XCTAssertEqual(matches.count, 1, phase)
        }
        let cube = try BuilderFixtures.fragment("alpha").structure
        XCTAssertTrue(cube.positions.prefix(8).allSatisfy { p in [p.x, p.y, p.z].allSatisfy { abs(abs($0) - 3.1447) < 1e-9 } },
                      "α, 8 units around the cell centre: the 2×2×2 Pb cube")
    }

    /// Same elements at the same places, in any order.
    static func sameAtoms(_ a: Structure, _ b: Structure, tolerance: Double) -> Bool {
        guard a.count == b.count, a.atomicNumbers.sorted() == b.atomicNumbers.sorted() else { return false }
        return a.positions.indices.allSatisfy { i in
            b.positions.indices.contains { b.atomicNumbers[$0] == a.atomicNumbers[i] && builderLength(b.positions[$0] - a.positions[i]) < tolerance }
        }
    }

    func testDeterministicAndIndependentOfInputOrderAndFormat() throws {
        let cell = try BuilderFixtures.cell("delta")
        let spec = PerovskiteFragmentSpec(units: 12)
        let first = try PerovskiteFragmentBuilder.build(cell: cell, spec: spec)
        let again = try PerovskiteFragmentBuilder.build(cell: cell, spec: spec)
        XCTAssertEqual(first.structure.contentHash, again.structure.contentHash)
        XCTAssertEqual(first.facing, again.facing)
        var shuffled = cell
        let order = Array(cell.atomicNumbers.indices.reversed())
        shuffled.atomicNumbers = order.map { cell.atomicNumbers[$0] }
        shuffled.positions = order.map { cell.positions[$0] }
        XCTAssertEqual(try PerovskiteFragmentBuilder.build(cell: shuffled, spec: spec).structure.contentHash, first.structure.contentHash)
        let cif = try StructureFile.read(path: BuilderFixtures.path("clusters/bulk/CsPbI3-alpha.cif"))
        let fromCIF = try PerovskiteFragmentBuilder.build(cell: cif, spec: PerovskiteFragmentSpec(units: 8))
        XCTAssertEqual(fromCIF.structure.contentHash, try BuilderFixtures.fragment("alpha").structure.contentHash)
    }

    /// α, 8 units, (001): the 2×2×2 Pb cube; the sites are terminal I on the top Pb layer, the
    /// two pointing straight up first.
    func testGlassFacingSitesOnTheAlphaCube() throws {
        let f = try BuilderFixtures.fragment("alpha")
        let s = f.structure
        let topPb = s.positions.prefix(8).map(\.z).max()!
        XCTAssertGreaterThanOrEqual(f.facing.count, 3)
        for x in f.facing {
            let b = (0..<8).min { distance(s, $0, x) < distance(s, $1, x) }!
            XCTAssertEqual(s.positions[b].z, topPb, accuracy: 1e-9)
            XCTAssertGreaterThanOrEqual(s.positions[x].z, topPb - 1e-9)
        }
        XCTAssertEqual(s.positions[f.facing[0]].z - topPb, 3.1447, accuracy: 1e-3)
        XCTAssertEqual(s.positions[f.facing[1]].z - topPb, 3.1447, accuracy: 1e-3)
        XCTAssertEqual(f.normal, Vec3(0, 0, 1))
    }

    func testWrittenFileCarriesTheMarkedSites() throws {
        let f = try BuilderFixtures.fragment("alpha")
        let frame = try XYZFormat.read(f.extendedXYZ(source: "test"))
        XCTAssertEqual(frame.structure.contentHash, f.structure.contentHash)
        let surface = try PerovskiteSurface(frame: frame)
        XCTAssertEqual(surface.sites.map(\.x), f.facing)
        XCTAssertEqual(frame.info["units"], "8")
    }

    func testMillerIndicesAndRejections() throws {
        XCTAssertEqual(MillerIndex("001"), MillerIndex(0, 0, 1))
        XCTAssertEqual(MillerIndex("-110"), MillerIndex(-1, 1, 0))
        XCTAssertEqual(MillerIndex("1,-1,10"), MillerIndex(1, -1, 10))
        XCTAssertNil(MillerIndex("000"))
        XCTAssertNil(MillerIndex("01"))
        let water = try StructureFile.read(path: BuilderFixtures.path("clusters/fragments/water.extxyz"))
        XCTAssertThrowsError(try PerovskiteFragmentBuilder.build(cell: water, spec: PerovskiteFragmentSpec(units: 8)))
        XCTAssertThrowsError(try PerovskiteFragmentBuilder.build(cell: BuilderFixtures.cell("alpha"), spec: PerovskiteFragmentSpec(units: 0)))
    }

    private func distance(_ s: Structure, _ i: Int, _ j: Int) -> Double { builderLength(s.positions[i] - s.positions[j]) }
}

func builderLength(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
