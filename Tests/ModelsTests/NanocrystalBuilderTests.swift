import Foundation
import Models
import Structures
import XCTest

/// Molecular nanocrystals cut from bulk cells: stoichiometry, neutrality, determinism, no close
/// atoms, the box and its faces, the best origin against a brute-force count over all 512 offsets
/// (frameworks), surface sites and the whole δ ribbons.
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

    /// The framework cells of `cases` (3-D B–X networks): every site wrapped on its own.
    static var frameworks: [(file: String, repeats: SIMD3<Int>)] { cases.filter { !$0.file.hasSuffix("delta") } }

    /// δ blocks of the ribbon tests.
    static let deltaRepeats = [SIMD3(1, 2, 1), SIMD3(2, 2, 1), SIMD3(2, 3, 1), SIMD3(2, 4, 1)]

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

    /// α 2×2×3: A = B = 2a, C = 3a, so the faces across a and b are 2·(2a)(3a) = 12a² and the faces
    /// across c 2·(2a)² = 8a²; all faces 32a².
    func testFaceAreasOfTheCubicAlphaBlock() throws {
        let nc = try NanocrystalBuilder.build(cell: try Self.cell("CsPbI3-alpha"), repeats: SIMD3(2, 2, 3))
        let a = 6.2894
        XCTAssertEqual(nc.faceAreasA2.count, 3)
        for (face, expected) in zip(nc.faceAreasA2, [12 * a * a, 12 * a * a, 8 * a * a]) {
            XCTAssertEqual(face, expected, accuracy: 1e-9)
        }
        XCTAssertEqual(nc.boxAreaA2, 32 * a * a, accuracy: 1e-9)
    }

    func testFaceAreasSumToTheBoxArea() throws {
        for (file, repeats) in Self.cases + [("CsPbI3-delta", SIMD3(2, 3, 1)), ("CsPbI3-gamma", SIMD3(2, 1, 3))] {
            let nc = try NanocrystalBuilder.build(cell: try Self.cell(file), repeats: repeats)
            XCTAssertEqual(nc.faceAreasA2.reduce(0, +), nc.boxAreaA2, accuracy: 1e-9 * nc.boxAreaA2, file)
            XCTAssertTrue(nc.faceAreasA2.allSatisfy { $0 > 0 }, file)
        }
    }

    /// Frameworks: the kept B–X bonds, counted in the built blocks of all 512 offsets by distance
    /// alone, are never more than the builder's, which is at least offset (0,0,0)'s.
    func testChosenOriginKeepsTheMostBondsOfAllOffsets() throws {
        for (file, repeats) in Self.frameworks {
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

    /// δ: the cell holds two edge-sharing double ribbons along b, centred at (x, z) = (0, 0) and
    /// (½, ½), each 2 Pb + 6 I (+ 2 Cs) per period. Every ribbon stays whole across: the block's
    /// Pb–I graph has 2·Rx·Rz components of 2·Ry Pb. Along b each ribbon holds one Pb per layer
    /// (y = ¼, ¾, …); the Pb of the first and of the last layer keep 4 I, every other Pb all 6. So
    /// 2 surface B and 4 broken bonds per ribbon, whatever Ry; every I stays bonded.
    func testDeltaBlocksKeepEveryRibbonWhole() throws {
        let cell = try Self.cell("CsPbI3-delta")
        for repeats in Self.deltaRepeats {
            let nc = try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            let ribbons = 2 * repeats.x * repeats.z
            let components = Self.leadIodideComponents(nc.structure, cutoff: nc.bondCutoff)
            XCTAssertEqual(components.count, ribbons, "\(repeats)")
            XCTAssertEqual(components.map(\.lead.count), Array(repeating: 2 * repeats.y, count: ribbons), "\(repeats)")
            for ribbon in components {
                let layers = ribbon.lead.map { nc.structure.positions[$0].y }
                let (low, high) = (layers.min()!, layers.max()!)
                for (pb, y) in zip(ribbon.lead, layers) {
                    let expected = abs(y - low) < 0.1 || abs(y - high) < 0.1 ? 4 : 6
                    XCTAssertEqual(ribbon.iodine[pb], expected, "\(repeats) Pb at y = \(y)")
                }
            }
            XCTAssertEqual(nc.surfaceBSites, 2 * ribbons, "\(repeats)")
            XCTAssertEqual(nc.brokenBonds, 4 * ribbons, "\(repeats)")
            XCTAssertEqual(nc.keptBonds, Self.bonds(in: nc.structure, cutoff: nc.bondCutoff), "\(repeats)")
            XCTAssertEqual(nc.keptBonds + nc.brokenBonds, 6 * 4 * nc.cells, "\(repeats)")
            XCTAssertEqual(Self.iodineCounts(nc.structure, cutoff: nc.bondCutoff).min(), 4, "\(repeats)")
            XCTAssertEqual(nc.origin, Vec3(0.25, 0, 0.25), "\(repeats)")
        }
    }

    func testDeltaBlocksAreStoichiometricNeutralDeterministicAndApart() throws {
        let cell = try Self.cell("CsPbI3-delta")
        for repeats in Self.deltaRepeats {
            let nc = try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            XCTAssertEqual(Composition(numbers: nc.structure.atomicNumbers), nc.cells * Composition(numbers: cell.atomicNumbers))
            XCTAssertEqual(nc.structure.atomicNumbers.map { Self.formalCharge[$0]! }.reduce(0, +), 0)
            XCTAssertEqual(nc.formulaUnits, 4 * nc.cells)
            XCTAssertGreaterThanOrEqual(Self.shortestDistance(nc.structure.positions), 2.5, "\(repeats)")
            XCTAssertEqual(try NanocrystalBuilder.build(cell: cell, repeats: repeats), nc, "\(repeats)")
        }
    }

    /// A cell whose chains run along a + b (δ with its cell vectors sheared to a, a + b, c) is refused.
    func testChainsOffTheCellAxesAreRefused() throws {
        var cell = try Self.cell("CsPbI3-delta")
        let v = cell.lattice!.vectors
        cell.lattice!.vectors = [v[0], v[0] + v[1], v[2]]
        XCTAssertThrowsError(try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(1, 1, 1))) { error in
            XCTAssertTrue("\(error)".contains("not along a cell vector"), "\(error)")
        }
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

    /// Connected components of the Pb–I graph (pairs closer than `cutoff`): the Pb of each, and
    /// the I count of each of those Pb.
    static func leadIodideComponents(_ s: Structure, cutoff: Double) -> [(lead: [Int], iodine: [Int: Int])] {
        let lead = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 82 }
        let iodide = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 53 }
        var neighbours: [Int: [Int]] = [:]
        for p in lead { for x in iodide where distance(s.positions[p], s.positions[x]) < cutoff {
            neighbours[p, default: []].append(x)
            neighbours[x, default: []].append(p)
        } }
        var seen = Set<Int>(), components: [(lead: [Int], iodine: [Int: Int])] = []
        for seed in lead + iodide where !seen.contains(seed) {
            var stack = [seed], members: [Int] = []
            seen.insert(seed)
            while let k = stack.popLast() {
                members.append(k)
                for n in neighbours[k] ?? [] where seen.insert(n).inserted { stack.append(n) }
            }
            let pbs = members.filter { s.atomicNumbers[$0] == 82 }.sorted()
            components.append((pbs, Dictionary(uniqueKeysWithValues: pbs.map { ($0, neighbours[$0]?.count ?? 0) })))
        }
        return components
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
