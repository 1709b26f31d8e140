import Foundation
import Models
import Structures
import XCTest

/// Plain adsorption (`build adsorption`): the glass fragment whole beside a site, nothing
/// bonded, nothing moved but the fragment as a rigid body, no close contact; deterministic.
final class BuilderAdsorptionTests: XCTestCase {
    func testTheWholeGlassFragmentSitsBesideTheSite() throws {
        let fragment = try BuilderFixtures.fragment("alpha")
        let surface = PerovskiteSurface(fragment)
        let glass = try BuilderFixtures.zn1()
        let spec = ExchangeSpec(k: 1, sites: 2, ligands: [1])
        let result = try ExchangeBuilder.enumerateAdsorption(surface: surface, glass: glass, spec: spec)
        XCTAssertEqual(result.candidates, 4, "2 sites × 1 ligand × 2 orientations")
        XCTAssertTrue(result.skipped.isEmpty, "\(result.skipped.map(\.reason))")
        XCTAssertEqual(result.products.count, 4)
        let n = fragment.structure.count
        for p in result.products {
            let s = p.structure
            XCTAssertEqual(s.count, n + glass.structure.count)
            XCTAssertEqual(s.formula, "C12H14Cs8I24N8Pb8Zn")
            XCTAssertEqual(s.charge, 0)
            XCTAssertTrue(p.name.contains("_zn1_ads_pb"), p.name)
            XCTAssertTrue(p.name.hasSuffix("_im1_o0") || p.name.hasSuffix("_im1_o1"), p.name)
            XCTAssertEqual(p.framework, 0..<n)
            XCTAssertTrue(p.transferred.isEmpty)
            XCTAssertEqual(p.glassUnit, n..<s.count)
            XCTAssertEqual(Array(s.positions[0..<n]), fragment.structure.positions, "the surface is not touched")
            XCTAssertEqual(Array(s.atomicNumbers[n...]), glass.structure.atomicNumbers, "the glass keeps its atom order")
            assertRigid(Array(s.positions[n...]), glass.structure.positions)
            let bonds = BondGraph(s).bonds.filter { s.atomicNumbers[$0.i] != 55 && s.atomicNumbers[$0.j] != 55 }
            let expected = Set(BondGraph(fragment.structure).bonds.filter {
                fragment.structure.atomicNumbers[$0.i] != 55 && fragment.structure.atomicNumbers[$0.j] != 55
            } + BondGraph(glass.structure).bonds.map { BondGraph.Bond($0.i + n, $0.j + n) })
            XCTAssertEqual(bonds, expected, "\(p.name): no bond made or broken")
            try assertFreeNitrogenFacesTheSite(p, glass: glass, surfaceCount: n)
            let closest = (0..<n).flatMap { i in (n..<s.count).map { j in (i, j) } }.min {
                builderLength(s.positions[$0.0] - s.positions[$0.1]) < builderLength(s.positions[$1.0] - s.positions[$1.1])
            }!
            XCTAssertGreaterThanOrEqual(builderLength(s.positions[closest.0] - s.positions[closest.1]), 2.4 - 1e-6,
                                        "\(p.name): closest surface–glass pair")
        }
        let again = try ExchangeBuilder.enumerateAdsorption(surface: surface, glass: glass, spec: spec)
        XCTAssertEqual(again.products.map(\.contentHash), result.products.map(\.contentHash))
    }

    func testOneGlassUnitAtOneSiteOnly() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        XCTAssertThrowsError(try ExchangeBuilder.enumerateAdsorption(surface: surface, glass: try BuilderFixtures.zn1(),
                                                                     spec: ExchangeSpec(k: 2))) { error in
            XCTAssertTrue("\(error)".contains("k must be 1"), "\(error)")
        }
    }

    /// The placed fragment is the input fragment moved as a rigid body: every pair distance kept.
    private func assertRigid(_ placed: [Vec3], _ original: [Vec3], file: StaticString = #filePath, line: UInt = #line) {
        var worst = 0.0
        for i in original.indices {
            for j in original.indices where j > i {
                worst = max(worst, abs(builderLength(placed[i] - placed[j]) - builderLength(original[i] - original[j])))
            }
        }
        XCTAssertLessThan(worst, 1e-9, "largest change of a glass distance", file: file, line: line)
    }

    /// `facing_nitrogen` is ligand 1's N without Zn, in contact with the surface (within 4.8 Å of
    /// a non-H surface atom), and nearer the site's halide than the ligand's Zn-bound N is.
    private func assertFreeNitrogenFacesTheSite(_ p: ExchangeProduct, glass: GlassFragment, surfaceCount n: Int) throws {
        let s = p.structure
        let info = Dictionary(p.info, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(info["adsorption"], "intact")
        let facing = try XCTUnwrap(info["facing_nitrogen"].flatMap { Int($0) }) - 1
        let ligand = glass.ligands[0]
        XCTAssertEqual(s.atomicNumbers[facing], 7)
        XCTAssertTrue(ligand.atoms.map { $0 + n }.contains(facing))
        XCTAssertFalse(ligand.boundNitrogens.map { $0 + n }.contains(facing))
        let site = try XCTUnwrap(info["sites"]?.split(separator: "I").last.flatMap { Int($0) }) - 1
        XCTAssertEqual(s.atomicNumbers[site], 53)
        let contact = (0..<n).filter { s.atomicNumbers[$0] != 1 }.map { builderLength(s.positions[$0] - s.positions[facing]) }.min()!
        XCTAssertLessThanOrEqual(contact, 4.8, "\(p.name): the free N touches the surface")
        let bound = ligand.boundNitrogens[0] + n
        XCTAssertLessThan(builderLength(s.positions[facing] - s.positions[site]), builderLength(s.positions[bound] - s.positions[site]),
                          "\(p.name): the free N, not the Zn side, faces the site")
    }
}
