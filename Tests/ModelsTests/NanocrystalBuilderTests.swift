import Foundation
import Models
import Structures
import XCTest

/// Molecular nanocrystals cut from bulk cells: stoichiometry, neutrality, determinism, no close
/// atoms, the box, the best origin against a brute-force count over all 512 offsets, surface sites
/// and the δ ribbons.
final class NanocrystalBuilderTests: XCTestCase {
    static let bulk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("clusters/bulk")

    static func cell(_ file: String) throws -> Structure {
        try StructureFile.read(path: bulk.appendingPathComponent("\(file).extxyz").path)
    }

    static let cases: [(file: String, repeats: SIMD3<Int>)] = [
        ("CsPbI3-alpha", SIMD3(2, 2, 2)), ("CsPbI3-gamma", SIMD3(1, 1, 2)), ("CsPbI3-delta", SIMD3(1, 2, 1)),
        ("CsSnI3-alpha", SIMD3(2, 2, 2)),
    ]

    /// Formal charges of the elements of the cells above.
    static let formalCharge: [Int: Int] = [55: 1, 82: 2, 50: 2, 53: -1]

    func testStoichiometricNeutralAndNoCloseAtoms() throws {
        for (file, repeats) in Self.cases {
            let cell = try Self.cell(file)
            let nc = try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            let cells = repeats.x * repeats.y * repeats.z
            XCTAssertEqual(Composition(numbers: nc.structure.atomicNumbers), cells * Composition(numbers: cell.atomicNumbers), file)
            XCTAssertEqual(nc.structure.atomicNumbers.map { Self.formalCharge[$0]! }.reduce(0, +), 0, file)
            XCTAssertEqual(nc.structure.charge, 0, file)
            XCTAssertNil(nc.structure.lattice, file)
            XCTAssertEqual(nc.formulaUnits, FormulaUnits.count(in: cell) * cells, file)
            XCTAssertEqual(nc.structure.name, "\(file)-nc-\(NanocrystalRepeats.label(repeats))")
            XCTAssertGreaterThanOrEqual(Self.shortestDistance(nc.structure.positions), 2.5, file)
        }
    }

    func testBuildingTwiceGivesTheSameBlock() throws {
        for (file, repeats) in Self.cases {
            let cell = try Self.cell(file)
            XCTAssertEqual(try NanocrystalBuilder.build(cell: cell, repeats: repeats),
                           try NanocrystalBuilder.build(cell: cell, repeats: repeats), file)
        }
    }

    /// α 2×2×2: a cube of edge 2a, a = 6.2894 Å.
    func testBoxOfTheCubicAlphaBlock() throws {
        let nc = try NanocrystalBuilder.build(cell: try Self.cell("CsPbI3-alpha"), repeats: SIMD3(2, 2, 2))
        let edge = 2 * 6.2894
        XCTAssertEqual(nc.boxAreaA2, 6 * edge * edge, accuracy: 1e-9)
        XCTAssertEqual(nc.boxVolumeA3, edge * edge * edge, accuracy: 1e-9)
        XCTAssertEqual(nc.formulaUnits, 8)
        XCTAssertEqual(nc.structure.count, 40)
    }

    /// The kept B–X bonds, counted in the built blocks of all 512 offsets by distance alone, are
    /// never more than the builder's, which is at least offset (0,0,0)'s.
    func testChosenOriginKeepsTheMostBondsOfAllOffsets() throws {
        for (file, repeats) in Self.cases {
            let cell = try Self.cell(file)
            let nc = try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            let grid: [Vec3] = (0..<512).map { (n: Int) -> Vec3 in
                Vec3(Double(n / 64), Double(n / 8 % 8), Double(n % 8)) / 8
            }
            let counts = grid.map { Self.bonds(in: Self.block(cell, repeats, origin: $0), cutoff: nc.bondCutoff) }
            XCTAssertEqual(counts.max(), nc.keptBonds, file)
            XCTAssertGreaterThanOrEqual(nc.keptBonds, counts[0], file)
            XCTAssertEqual(Self.bonds(in: nc.structure, cutoff: nc.bondCutoff), nc.keptBonds, file)
            XCTAssertEqual(nc.origin, grid[counts.firstIndex(of: counts.max()!)!], file)
        }
    }

    /// α 3×3×3: an I bridges two Pb one cell apart, so along each axis one of the two Pb it joins
    /// is in another cell: every Pb in the first (or last) layer along an axis loses a bond, whatever
    /// the origin; the other 2×2×2 = 8 keep all six. 27 − 8 = 19 surface sites.
    func testSurfaceSitesAreSomeButNotAllB() throws {
        let nc = try NanocrystalBuilder.build(cell: try Self.cell("CsPbI3-alpha"), repeats: SIMD3(3, 3, 3))
        let lead = nc.structure.atomicNumbers.filter { $0 == 82 }.count
        XCTAssertGreaterThan(nc.surfaceBSites, 0)
        XCTAssertLessThan(nc.surfaceBSites, lead)
        XCTAssertEqual(nc.surfaceBSites, 19)
        XCTAssertEqual(nc.brokenBonds, 27 * 6 - nc.keptBonds)
        XCTAssertEqual(Self.iodineCounts(nc.structure, cutoff: nc.bondCutoff).filter { $0 < 6 }.count, 19)
    }

    /// δ: the cell holds two double ribbons along b, centred near (x, z) = (0, 0) and (½, ½), whose
    /// extents along a overlap, so no block of whole cells keeps both whole across (none of the 512
    /// offsets does; Pb ≥ 4 I is out of reach). The best origin, (1/8, 0, 1/4), slices one ribbon
    /// across a through 3 bonds per cell along b, and the ribbon ends along b lose the rest: every Pb
    /// keeps at least two I, and lengthening the block along b costs exactly those 3 bonds per cell.
    func testDeltaBlockSlicesOneRibbonOnceAcross() throws {
        let cell = try Self.cell("CsPbI3-delta")
        var broken: [Int] = []
        for repeats in [SIMD3(1, 2, 1), SIMD3(1, 3, 1), SIMD3(2, 2, 1)] {
            let nc = try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            XCTAssertEqual(nc.origin, Vec3(0.125, 0, 0.25), "\(repeats)")
            let iodine = Self.iodineCounts(nc.structure, cutoff: nc.bondCutoff)
            XCTAssertEqual(iodine.min(), 2, "\(repeats)")
            broken.append(nc.brokenBonds)
        }
        XCTAssertEqual(broken[1] - broken[0], 3)
    }

    func testRepeatsLabels() {
        XCTAssertEqual(NanocrystalRepeats.parse("4x4x4"), SIMD3(4, 4, 4))
        XCTAssertEqual(NanocrystalRepeats.parse("1x3x2"), SIMD3(1, 3, 2))
        for bad in ["4x4", "0x1x1", "4x4x4x4", "ax1x1", "-1x1x1", "+1x1x1", "", "4X4X4", "4x 4x4"] {
            XCTAssertNil(NanocrystalRepeats.parse(bad), bad)
        }
    }

    func testPeriodicCellRequired() throws {
        var molecule = try Self.cell("CsPbI3-alpha")
        molecule.lattice = nil
        XCTAssertThrowsError(try NanocrystalBuilder.build(cell: molecule, repeats: SIMD3(1, 1, 1)))
    }

    // MARK: - An independent count

    /// The block by its definition: fractional coordinates minus the origin, wrapped to [0, 1)
    /// (a coordinate within 1e-6 below a face counts as on it), repeated cell by cell.
    static func block(_ cell: Structure, _ repeats: SIMD3<Int>, origin: Vec3) -> Structure {
        let lattice = cell.lattice!
        var positions: [Vec3] = []
        var numbers: [Int] = []
        for i in 0..<repeats.x { for j in 0..<repeats.y { for k in 0..<repeats.z {
            for (z, r) in zip(cell.atomicNumbers, cell.positions) {
                var f = lattice.fractional(fromCartesian: r) - origin
                f -= (f + Vec3(repeating: 1e-6)).rounded(.down)
                numbers.append(z)
                positions.append(lattice.cartesian(fromFractional: f + Vec3(Double(i), Double(j), Double(k))))
            }
        } } }
        return Structure(name: "", atomicNumbers: numbers, positions: positions)
    }

    /// Metal–iodide pairs (Pb or Sn with I) closer than `cutoff`.
    static func bonds(in s: Structure, cutoff: Double) -> Int {
        iodineCounts(s, cutoff: cutoff).reduce(0, +)
    }

    /// I within `cutoff` of each Pb or Sn.
    static func iodineCounts(_ s: Structure, cutoff: Double) -> [Int] {
        let metals = s.atomicNumbers.indices.filter { [82, 50].contains(s.atomicNumbers[$0]) }
        let iodides = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 53 }
        return metals.map { m in
            iodides.filter { distance(s.positions[m], s.positions[$0]) < cutoff }.count
        }
    }

    static func shortestDistance(_ p: [Vec3]) -> Double {
        var best = Double.infinity
        for i in p.indices { for j in p.indices where j > i { best = min(best, distance(p[i], p[j])) } }
        return best
    }

    static func distance(_ a: Vec3, _ b: Vec3) -> Double { ((a - b) * (a - b)).sum().squareRoot() }
}
