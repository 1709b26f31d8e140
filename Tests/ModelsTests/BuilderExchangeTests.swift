import Engine
import Foundation
import Models
import Structures
import XCTest
import XTBOracle

/// Ligand-exchange products: validity, naming, determinism, duplicate counting, a GFN2 point.
final class BuilderExchangeTests: XCTestCase {
    func testAlphaProductsAreValidNamedAndDeterministic() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        let glass = try BuilderFixtures.zn1()
        let spec = ExchangeSpec(k: 1, sites: 3, ligands: [1])
        let result = try ExchangeBuilder.enumerate(surface: surface, glass: glass, spec: spec)
        XCTAssertEqual(result.candidates, 6)
        XCTAssertEqual(result.products.count, 6, "3 sites × 2 orientations, all distinct")
        for p in result.products {
            let s = p.structure
            XCTAssertEqual(s.count, 75)
            XCTAssertEqual(s.formula, "C12H14Cs8I24N8Pb8Zn")
            XCTAssertEqual(s.charge, 0)
            XCTAssertNoThrow(try ChemistryCheck.check(s))
            XCTAssertTrue(p.name.hasPrefix("CsPbI3-alpha-8fu-001_zn1_k1_pb"), p.name)
            XCTAssertTrue(p.name.hasSuffix("_im1_o0") || p.name.hasSuffix("_im1_o1"), p.name)
            XCTAssertEqual(p.framework, 0..<39)
            XCTAssertEqual(p.transferred, 39..<47)
            let zn = s.atomicNumbers.firstIndex(of: 30)!
            XCTAssertEqual(builderLength(s.positions[zn] - s.positions[74]), 2.60, accuracy: 1e-9, "Zn–I")
            let n = s.positions[39 + 2]
            let pb = (0..<8).map { builderLength(s.positions[$0] - n) }.min()!
            XCTAssertEqual(pb, 2.55, accuracy: 1e-9, "Pb–N")
        }
        let again = try ExchangeBuilder.enumerate(surface: surface, glass: glass, spec: spec)
        XCTAssertEqual(again.products.map(\.contentHash), result.products.map(\.contentHash))
        XCTAssertEqual(again.products.map(\.name), result.products.map(\.name))
    }

    /// A C4v plate of four Pb with one upward terminal I each: the four sites are equivalent.
    /// With the (asymmetric) crystal-cut Zn(Im)2(HIm)2: 4 sites × 2 Im × 2 orientations = 16
    /// candidates, 4 distinct (Im choice × orientation). With a C2-symmetric Zn(Im)2(HIm)2 the
    /// two Im are equivalent too: 2 distinct.
    func testDistinctProductsOnASymmetricPlate() throws {
        let plate = Self.plate()
        let surface = PerovskiteSurface(structure: plate.structure, facing: plate.up)
        let asymmetric = try BuilderFixtures.zn1()
        let spec = ExchangeSpec(k: 1)
        let first = try ExchangeBuilder.enumerate(surface: surface, glass: asymmetric, spec: spec)
        XCTAssertEqual(first.candidates, 16)
        XCTAssertTrue(first.skipped.isEmpty, "\(first.skipped.map(\.reason))")
        XCTAssertEqual(first.products.count, 4, first.products.map(\.name).joined(separator: " "))
        let kinds = Set(first.products.map { $0.name.split(separator: "_").suffix(2).joined(separator: "_") })
        XCTAssertEqual(kinds, ["im1_o0", "im1_o1", "im2_o0", "im2_o1"])
        let symmetric = try Self.c2Symmetric(asymmetric)
        let second = try ExchangeBuilder.enumerate(surface: surface, glass: symmetric, spec: spec)
        XCTAssertEqual(second.candidates, 16)
        XCTAssertEqual(second.products.count, 2, second.products.map(\.name).joined(separator: " "))
        XCTAssertEqual(second.duplicates.count, 14)
    }

    /// Four orientations are 90° apart, two 180°: their labels differ, so a product of one run
    /// never takes the name of a different geometry from the other (o1 of two is o2of4's azimuth).
    func testOrientationLabelsNameOneAzimuth() throws {
        let plate = Self.plate()
        let surface = PerovskiteSurface(structure: plate.structure, facing: plate.up)
        let glass = try BuilderFixtures.zn1()
        func products(_ orientations: Int) throws -> [String: Structure] {
            let spec = ExchangeSpec(k: 1, ligands: [1], orientations: orientations, maxProducts: nil)
            let found = try ExchangeBuilder.enumerate(surface: surface, glass: glass, spec: spec).products
            return Dictionary(uniqueKeysWithValues: found.map { ($0.name.split(separator: "_").last.map(String.init) ?? "", $0.structure) })
        }
        let two = try products(2), four = try products(4)
        XCTAssertEqual(Set(two.keys), ["o0", "o1"])
        XCTAssertEqual(Set(four.keys), ["o0of4", "o1of4", "o2of4", "o3of4"])
        XCTAssertEqual(try XCTUnwrap(two["o1"]).positions, try XCTUnwrap(four["o2of4"]).positions, "both 180°")
        XCTAssertEqual(try XCTUnwrap(two["o0"]).positions, try XCTUnwrap(four["o0of4"]).positions, "both 0°")
        XCTAssertNotEqual(try XCTUnwrap(two["o1"]).positions, try XCTUnwrap(four["o1of4"]).positions, "180° vs 90°")
    }

    func testAlignedRMSDIgnoresOrderRotationAndMirror() throws {
        let s = try BuilderFixtures.zn1().structure
        let rotation = { (v: Vec3) in Vec3(0.36 * v.x + 0.48 * v.y - 0.8 * v.z, -0.8 * v.x + 0.6 * v.y, 0.48 * v.x + 0.64 * v.y + 0.6 * v.z) }
        var moved = s
        let order = Array(s.atomicNumbers.indices.reversed())
        moved.atomicNumbers = order.map { s.atomicNumbers[$0] }
        moved.positions = order.map { rotation(s.positions[$0]) + Vec3(3, -1, 2) }
        XCTAssertLessThan(try XCTUnwrap(AlignedRMSD.rmsd(s, moved)), 1e-6)
        var mirrored = s
        mirrored.positions = s.positions.map { Vec3(-$0.x, $0.y, $0.z) }
        XCTAssertLessThan(try XCTUnwrap(AlignedRMSD.rmsd(s, mirrored, allowReflection: true)), 1e-6)
        XCTAssertGreaterThan(try XCTUnwrap(AlignedRMSD.rmsd(s, mirrored, allowReflection: false)), 0.05)
        var bent = s
        bent.positions[1] += Vec3(0.5, 0, 0)
        XCTAssertGreaterThan(try XCTUnwrap(AlignedRMSD.rmsd(s, bent)), 0.05)
    }

    /// The deduplicator's cheap screen never exceeds the RMSD it stands in for: on every pair of
    /// the products of a real enumeration, and zero for a moved, reordered copy.
    func testTheRMSDLowerBoundIsALowerBound() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        let result = try ExchangeBuilder.enumerate(surface: surface, glass: BuilderFixtures.zn1(),
                                                   spec: ExchangeSpec(k: 1, sites: 4, orientations: 2))
        let products = result.products.map(\.structure)
        XCTAssertGreaterThan(products.count, 4)
        var screened = 0
        for i in products.indices {
            for j in products.indices where j > i {
                let bound = try XCTUnwrap(AlignedRMSD.lowerBound(products[i], products[j]))
                let rmsd = try XCTUnwrap(AlignedRMSD.rmsd(products[i], products[j]))
                XCTAssertLessThanOrEqual(bound, rmsd + 1e-9, "\(i), \(j)")
                if bound >= 0.1 { screened += 1 }
            }
        }
        XCTAssertGreaterThan(screened, 0, "the bound separates some distinct products")
        var moved = products[0]
        let order = Array(moved.atomicNumbers.indices.reversed())
        moved.atomicNumbers = order.map { products[0].atomicNumbers[$0] }
        moved.positions = order.map { Vec3(-products[0].positions[$0].y, products[0].positions[$0].x, products[0].positions[$0].z) + Vec3(1, 2, 3) }
        XCTAssertEqual(try XCTUnwrap(AlignedRMSD.lowerBound(products[0], moved)), 0, accuracy: 1e-9)
    }

    func testTwoExchangesOnTheZincRing() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        let ring = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 4))
        let result = try ExchangeBuilder.enumerate(surface: surface, glass: ring,
                                                   spec: ExchangeSpec(k: 2, sites: 2, ligands: [5, 6], orientations: 1, maxProducts: 1))
        let product = try XCTUnwrap(result.products.first, "\(result.skipped.map(\.reason))")
        XCTAssertEqual(product.structure.count, 144)
        XCTAssertEqual(BuilderFixtures.count(product.structure, 53), 24)
        XCTAssertTrue(product.name.contains("_k2_"), product.name)
        XCTAssertNoThrow(try ChemistryCheck.check(product.structure))
    }

    /// GFN2 in process on a built 75-atom product: converged, with a positive gap, and the same
    /// energy as the xtb binary.
    func testGFN2SinglePointOnAProduct() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        let result = try ExchangeBuilder.enumerate(surface: surface, glass: BuilderFixtures.zn1(),
                                                   spec: ExchangeSpec(k: 1, sites: 1, ligands: [1], orientations: 1))
        let product = try XCTUnwrap(result.products.first).structure
        ThreadControl.apply(threads: 1)
        let calculator = try XTBCalculator()
        let point = try calculator.singlePoint(product, settings: Settings(method: .gfn2))
        XCTAssertTrue(point.sccConverged)
        XCTAssertGreaterThan(try XCTUnwrap(point.gapEV), 0)
        let binary = try XTBBinaryOracle.run(product, arguments: ["--gfn", "2"])
        XCTAssertEqual(point.energy, binary.energy, accuracy: 1e-6)
    }

    // MARK: - symmetric fixtures

    /// Pb4I12Cs2²⁻ cut from α: a 2×2 Pb square, 4 bridging I, one I below and one above each Pb,
    /// a Cs above and below the centre (C4v about the square's axis).
    static func plate() -> (structure: Structure, up: [Int]) {
        let a = 6.2894
        let h = a / 2
        let pb = [Vec3(0, 0, 0), Vec3(a, 0, 0), Vec3(a, a, 0), Vec3(0, a, 0)]
        let bridges = [Vec3(h, 0, 0), Vec3(a, h, 0), Vec3(h, a, 0), Vec3(0, h, 0)]
        let down = pb.map { $0 - Vec3(0, 0, h) }
        let up = pb.map { $0 + Vec3(0, 0, h) }
        let cs = [Vec3(h, h, -h), Vec3(h, h, h)]
        let positions = pb + bridges + down + up + cs
        let numbers = [Int](repeating: 82, count: 4) + [Int](repeating: 53, count: 12) + [55, 55]
        return (Structure(name: "plate", atomicNumbers: numbers, positions: positions, charge: -2), Array(12..<16))
    }

    /// Zn, Im1, C2(Im1), HIm1, C2(HIm1): exactly C2-symmetric about the bisector of the two Im.
    static func c2Symmetric(_ g: GlassFragment) throws -> GlassFragment {
        let s = g.structure
        let zn = s.positions[0]
        let (im1, im2, him) = (g.ligands[0], g.ligands[1], g.ligands[2])
        let d1 = s.positions[im1.boundNitrogens[0]] - zn
        let d2 = s.positions[im2.boundNitrogens[0]] - zn
        let c = (d1 / builderLength(d1) + d2 / builderLength(d2))
        let axis = c / builderLength(c)
        let turn = { (p: Vec3) -> Vec3 in
            let r = p - zn
            return zn + 2 * (r * axis).sum() * axis - r
        }
        let parts = [[0], im1.atoms, im1.atoms, him.atoms, him.atoms]
        let numbers = parts.flatMap { $0.map { s.atomicNumbers[$0] } }
        var positions: [Vec3] = []
        for (k, part) in parts.enumerated() { positions += part.map { k == 2 || k == 4 ? turn(s.positions[$0]) : s.positions[$0] } }
        let structure = Structure(name: "zn1-c2", atomicNumbers: numbers, positions: positions)
        try ChemistryCheck.check(structure)
        return GlassFragment(structure: structure, ligands: GlassLigandFinder.ligands(in: structure))
    }
}
