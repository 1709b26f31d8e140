import Foundation
import Models
import Structures
import XCTest

/// δ-CsPbI3 slabs of whole Pb2I6 ribbons (termination "ribbons") on the planes that contain the
/// chain axis b (4.801 Å) of the committed Pnma cell: (100) and (001). Every check recounts from the
/// atoms with code of its own (neighbour lists, face images), never through the builder's helpers.
final class RibbonSlabTests: XCTestCase {
    private func delta() throws -> Structure { try BulkSupercellTests.cell("delta") }

    private func slab(_ miller: String, layers: Int, inPlane: (Int, Int) = (1, 1), vacuum: Double = 20,
                      cell: Structure? = nil) throws -> Slab {
        try SlabBuilder.build(cell ?? delta(), spec: SlabSpec(miller: MillerIndex(miller)!, termination: "ribbons",
                                                              layers: layers, inPlane: inPlane, vacuum: vacuum))
    }

    /// The cell holds two ribbons, at (x, z) = (0, 0) and (½, ½) (Pb at x = ±0.16, z = ±0.06 and
    /// x = ½ ± 0.16, z = ½ ± 0.06). Seen from (100) or (001) one unit layer is one ribbon, Cs2Pb2I6,
    /// per surface cell, so n layers hold Cs2n Pb2n I6n and 2n CsPbI3, nothing left over.
    func testSlabsAreStoichiometric() throws {
        for miller in ["100", "001"] {
            for n in 1...5 {
                let s = try slab(miller, layers: n)
                let counts = Composition(numbers: s.structure.atomicNumbers).counts
                XCTAssertEqual(counts, [55: 2 * n, 82: 2 * n, 53: 6 * n], "\(miller) \(n) layers")
                XCTAssertTrue(s.isStoichiometric)
                XCTAssertEqual(s.bulkUnits, 2 * n)
            }
        }
        let big = try slab("001", layers: 3, inPlane: (2, 3))
        XCTAssertEqual(Composition(numbers: big.structure.atomicNumbers).counts, [55: 36, 82: 36, 53: 108])
    }

    /// (101): x/a + z/c is 0 for the ribbon at (0, 0) and 1 for the one at (½, ½), so both lie in
    /// one plane of the stacking: a unit layer holds two ribbons, Cs4Pb4I12. Every added layer adds
    /// thickness (units at the period boundary are not split off as a layer of their own).
    func testRibbonsAtOneHeightFormOneLayer() throws {
        for n in 1...4 {
            XCTAssertEqual(try slab("101", layers: n).structure.count, 20 * n)
        }
        for miller in ["100", "001", "101"] {
            let thickness = try (1...4).map { try slab(miller, layers: $0).thickness }
            XCTAssertTrue(zip(thickness, thickness.dropFirst()).allSatisfy { $0 < $1 - 1 }, "\(miller): \(thickness)")
        }
    }

    /// (102): no even number of ribbon layers has equivalent faces (no glide plane between two
    /// ribbon layers); the builder says so rather than return a slab with two different faces.
    func testUnrelatedFacesAreRefused() throws {
        XCTAssertThrowsError(try slab("102", layers: 2)) { error in
            XCTAssertTrue("\(error)".contains("no choice of them has equivalent faces"), "\(error)")
        }
        XCTAssertNotNil(Self.faceFlip(try slab("102", layers: 3).structure))
    }

    /// (100) surface cell: b × c = 4.801 × 17.776 Å; (001): a × b = 10.458 × 4.801 Å (cell lengths).
    func testSurfaceCellIsTheBulkFace() throws {
        XCTAssertEqual(try slab("100", layers: 3).area, 4.801 * 17.776, accuracy: 1e-6)
        XCTAssertEqual(try slab("001", layers: 3).area, 10.458 * 4.801, accuracy: 1e-6)
    }

    /// No ribbon is cut: every Pb keeps its six I within the bond cutoff, and the I atoms keep their
    /// bulk mix of one, two and three Pb neighbours (terminal, edge-sharing and μ3 iodide).
    func testNoRibbonIsCut() throws {
        let bulk = try delta()
        let bulkCounts = Self.bondCounts(bulk)
        XCTAssertTrue(bulkCounts.filter { $0.element == 82 }.allSatisfy { $0.bonds == 6 })
        for miller in ["100", "001"] {
            for n in [1, 2, 3, 4] {
                let s = try slab(miller, layers: n, inPlane: (1, 2))
                let counts = Self.bondCounts(s.structure)
                XCTAssertTrue(counts.filter { $0.element == 82 }.allSatisfy { $0.bonds == 6 }, "\(miller) \(n)")
                // Same mix per atom as bulk (cross-multiplied by the atom counts).
                XCTAssertEqual(Self.histogram(counts).mapValues { $0 * bulk.count },
                               Self.histogram(bulkCounts).mapValues { $0 * s.structure.count }, "\(miller) \(n) layers")
            }
        }
    }

    /// Control for the check above: the flat (010) sheets of the layer builder do cut the ribbons
    /// (each Pb keeps 4 of its 6 I: the two I shared along b lie in the next sheet).
    func testFlatSheetsAcrossTheChainsAreCaught() throws {
        let flat = try SlabBuilder.build(try delta(), spec: SlabSpec(miller: MillerIndex(0, 1, 0), termination: "CsPbI3", layers: 2))
        let pb = Self.bondCounts(flat.structure).filter { $0.element == 82 }
        XCTAssertFalse(pb.isEmpty)
        XCTAssertTrue(pb.allSatisfy { $0.bonds < 6 })
    }

    /// The two faces are related by a z-flip (mirror, inversion or a two-fold axis) and an in-plane
    /// translation, checked in the slab's fractional in-plane coordinates.
    func testFacesAreRelated() throws {
        for miller in ["100", "001"] {
            for n in 1...5 {
                let s = try slab(miller, layers: n)
                XCTAssertNotNil(Self.faceFlip(s.structure), "\(miller) \(n) layers: faces differ")
            }
        }
    }

    /// The outermost 3 Å of each face hold the same atoms.
    func testFacesHaveTheSameComposition() throws {
        for miller in ["100", "001"] {
            let s = try slab(miller, layers: 4)
            let z = s.structure.positions.map(\.z)
            let (low, high) = (z.min()!, z.max()!)
            let bottom = s.structure.atomicNumbers.indices.filter { z[$0] < low + 3 }.map { s.structure.atomicNumbers[$0] }
            let top = s.structure.atomicNumbers.indices.filter { z[$0] > high - 3 }.map { s.structure.atomicNumbers[$0] }
            XCTAssertEqual(bottom.sorted(), top.sorted(), miller)
            XCTAssertFalse(bottom.isEmpty)
        }
    }

    /// No two atoms closer than the bulk's shortest distance (periodic images included).
    func testNoCloseContacts() throws {
        let bulkShortest = Self.shortest(try delta())
        for miller in ["100", "001"] {
            for n in [1, 2, 3] {
                let s = try slab(miller, layers: n, inPlane: (2, 1), vacuum: 12)
                XCTAssertGreaterThanOrEqual(Self.shortest(s.structure), bulkShortest - 1e-9, "\(miller) \(n)")
            }
        }
    }

    /// c is normal to the plane; the gap between the top atom and the bottom atom's image is the vacuum.
    func testVacuumIsTheRequestedGap() throws {
        for miller in ["100", "001"] {
            let s = try slab(miller, layers: 3, vacuum: 15)
            let z = s.structure.positions.map(\.z)
            let c = s.structure.lattice!.vectors[2]
            XCTAssertEqual(c, Vec3(0, 0, c.z))
            XCTAssertEqual(c.z - (z.max()! - z.min()!), 15, accuracy: 1e-9)
            XCTAssertEqual(s.structure.lattice!.vectors[0].z, 0)
            XCTAssertEqual(s.structure.lattice!.vectors[1].z, 0)
        }
    }

    func testSameInputGivesTheSameSlab() throws {
        let a = try slab("001", layers: 3, inPlane: (1, 2))
        let b = try slab("001", layers: 3, inPlane: (1, 2))
        XCTAssertEqual(a.structure, b.structure)
        XCTAssertEqual(a.structure.contentHash, b.structure.contentHash)
    }

    /// (010) is normal to the chains: refused, naming the chain axis.
    func testPlaneAcrossTheChainsIsRefused() throws {
        XCTAssertThrowsError(try slab("010", layers: 3)) { error in
            XCTAssertTrue("\(error)".contains("[010]"), "\(error)")
        }
    }

    /// α-CsPbI3 is a corner-sharing 3-D framework: there are no ribbons to keep whole.
    func testFrameworkIsRefused() throws {
        XCTAssertThrowsError(try slab("001", layers: 3, cell: BulkSupercellTests.cell("alpha"))) { error in
            XCTAssertTrue("\(error)".contains("3-D framework"), "\(error)")
        }
    }

    /// δ-CsSnI3 (the same NH4CdCl3 type) cuts the same way.
    func testTinAnalogueCuts() throws {
        let cell = try StructureFile.read(path: BulkSupercellTests.bulk.appendingPathComponent("CsSnI3-delta.extxyz").path)
        let s = try slab("100", layers: 3, cell: cell)
        XCTAssertEqual(Composition(numbers: s.structure.atomicNumbers).counts, [55: 6, 50: 6, 53: 18])
        XCTAssertNotNil(Self.faceFlip(s.structure))
    }

    /// δ-FAPbI3 (2H, one face-sharing chain per cell along c): each FA sits on a three-fold site,
    /// equally far from three chains, so no unit of one chain and its cations respects the
    /// symmetry; refused rather than split arbitrarily (or, worse, split the molecule).
    func testCationWithoutClearOwnerIsRefused() throws {
        let cell = try StructureFile.read(path: BulkSupercellTests.bulk.appendingPathComponent("FAPbI3-delta.extxyz").path)
        XCTAssertThrowsError(try slab("100", layers: 3, cell: cell)) { error in
            XCTAssertTrue("\(error)".contains("no clear owner"), "\(error)")
        }
    }

    // MARK: independent checks

    /// Pb–I bonds shorter than 3.6 Å (δ: 3.04–3.38 Å, next 5.32 Å) for every Pb and I atom, over
    /// explicit lattice images −2…2.
    static func bondCounts(_ s: Structure) -> [(element: Int, bonds: Int)] {
        let images = Self.images(s.lattice!)
        return s.positions.indices.compactMap { i in
            let zi = s.atomicNumbers[i]
            guard zi == 82 || zi == 53 else { return nil }
            let partner = zi == 82 ? 53 : 82
            var n = 0
            for j in s.positions.indices where s.atomicNumbers[j] == partner {
                n += images.filter { distance(s.positions[i], s.positions[j] + $0) < 3.6 }.count
            }
            return (zi, n)
        }
    }

    static func histogram(_ counts: [(element: Int, bonds: Int)]) -> [String: Int] {
        counts.reduce(into: [:]) { $0["\($1.element):\($1.bonds)", default: 0] += 1 }
    }

    static func shortest(_ s: Structure) -> Double {
        let images = Self.images(s.lattice!)
        var best = Double.infinity
        for i in s.positions.indices {
            for j in s.positions.indices {
                for t in images where i != j || t != .zero {
                    best = min(best, distance(s.positions[i], s.positions[j] + t))
                }
            }
        }
        return best
    }

    /// The z-flipping operation (with an in-plane translation) that maps the slab onto itself.
    static func faceFlip(_ s: Structure) -> String? {
        let lattice = s.lattice!
        let z = s.positions.map(\.z)
        let sum = z.min()! + z.max()!
        let a = lattice.vectors[0], b = lattice.vectors[1]
        let det = a.x * b.y - a.y * b.x
        func inPlaneFractional(_ r: Vec3) -> (Double, Double) {
            ((r.x * b.y - r.y * b.x) / det, (a.x * r.y - a.y * r.x) / det)
        }
        func wrapped(_ f: Double) -> Double { abs(f - f.rounded()) }
        for (name, sx, sy) in [("mirror", 1.0, 1.0), ("inversion", -1.0, -1.0), ("two-fold x", 1.0, -1.0),
                               ("two-fold y", -1.0, 1.0)] {
            let image = s.positions.map { Vec3(sx * $0.x, sy * $0.y, sum - $0.z) }
            for j in s.positions.indices where s.atomicNumbers[j] == s.atomicNumbers[0] {
                let t = s.positions[j] - image[0]
                let all = image.indices.allSatisfy { i in
                    let r = image[i] + t
                    return s.positions.indices.contains { k in
                        guard s.atomicNumbers[k] == s.atomicNumbers[i], abs(s.positions[k].z - r.z) < 1e-3 else { return false }
                        let (f, g) = inPlaneFractional(s.positions[k] - r)
                        return wrapped(f) * length(a) < 1e-3 && wrapped(g) * length(b) < 1e-3
                    }
                }
                if all { return name }
            }
        }
        return nil
    }

    private static func images(_ lattice: Lattice) -> [Vec3] {
        let r = -2...2
        return r.flatMap { i in r.flatMap { j in r.map { k in
            lattice.vectors[0] * Double(i) + lattice.vectors[1] * Double(j) + lattice.vectors[2] * Double(k)
        } } }
    }

    private static func distance(_ a: Vec3, _ b: Vec3) -> Double { length(a - b) }
    private static func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
}
