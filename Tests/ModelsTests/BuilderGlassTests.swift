import Foundation
import Models
import Structures
import XCTest

/// Glass fragments cut from ZIF-4: composition, neutrality, caps, bIm, determinism.
final class BuilderGlassTests: XCTestCase {
    /// Zn(Im)2(HIm)2 with the same chemistry and atom order as clusters/fragments/Zn-Im2-HIm2.extxyz.
    func testOneZincMatchesTheReferenceFragment() throws {
        let g = try BuilderFixtures.zn1()
        let reference = try StructureFile.read(path: BuilderFixtures.path("clusters/fragments/Zn-Im2-HIm2.extxyz"))
        XCTAssertEqual(g.structure.count, 35)
        XCTAssertEqual(g.structure.formula, "C12H14N8Zn")
        XCTAssertEqual(g.structure.atomicNumbers, reference.atomicNumbers)
        XCTAssertEqual(g.structure.charge, 0)
        XCTAssertEqual(g.ligands.map(\.kind), [.imidazolate, .imidazolate, .imidazole, .imidazole])
        XCTAssertEqual(GlassLigandFinder.ligands(in: reference).map(\.kind), g.ligands.map(\.kind))
        XCTAssertEqual(GlassLigandFinder.ligands(in: reference).map(\.atoms), g.ligands.map(\.atoms))
        let zn = g.structure.positions[0]
        let nitrogens = g.structure.atomicNumbers.indices.filter { g.structure.atomicNumbers[$0] == 7 }
        let bound = nitrogens.filter { builderLength(g.structure.positions[$0] - zn) < 2.2 }
        XCTAssertEqual(bound.count, 4, "tetrahedral Zn")
        XCTAssertNoThrow(try ChemistryCheck.check(g.structure))
    }

    func testZincFourRing() throws {
        let g = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 4))
        XCTAssertEqual(g.structure.count, 104)
        XCTAssertEqual(g.structure.formula, "C36H40N24Zn4")
        XCTAssertEqual(g.ligands.filter(\.isBridging).count, 4, "a four-membered Zn ring")
        XCTAssertEqual(g.ligands.filter(\.isExchangeable).count, 4)
        XCTAssertEqual(g.ligands.filter { $0.kind == .imidazole }.count, 4)
        let graph = BondGraph(g.structure)
        XCTAssertEqual(graph.components().count, 1)
        for zn in 0..<4 { XCTAssertEqual(graph.neighbours[zn].count, 4, "Zn \(zn + 1) is four-coordinate") }
    }

    /// Charge balance for other sizes: 2n Zn charges against bridges + anionic terminals.
    func testNeutralForSeveralSizes() throws {
        for n in [2, 3] {
            let g = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: n))
            let anionic = g.ligands.filter(\.kind.isAnionic).count
            XCTAssertEqual(anionic, 2 * n, "zn\(n)")
            XCTAssertEqual(g.ligands.count, 4 * n - g.ligands.filter(\.isBridging).count)
            XCTAssertNoThrow(try ChemistryCheck.check(g.structure))
        }
    }

    /// 1-methylimidazole caps: no H on any N.
    func testMethylimidazoleCapsHaveNoNHProton() throws {
        let g = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 1, cap: .meIm))
        XCTAssertEqual(g.structure.formula, "C14H18N8Zn")
        let graph = BondGraph(g.structure)
        for h in g.structure.atomicNumbers.indices where g.structure.atomicNumbers[h] == 1 {
            XCTAssertEqual(graph.neighbours[h].map { g.structure.atomicNumbers[$0] }, [6])
        }
        XCTAssertEqual(g.ligands.map(\.kind), [.imidazolate, .imidazolate, .methylimidazole, .methylimidazole])
    }

    /// Each bIm adds C4H2 (Im C3H3N2 → bIm C7H5N2); bridges are benzannulated first.
    func testBenzimidazolateCount() throws {
        let ring = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 4, benzimidazolates: 1))
        XCTAssertEqual(ring.structure.formula, "C40H42N24Zn4")
        XCTAssertEqual(ring.ligands.filter { $0.kind == .benzimidazolate }.map(\.isBridging), [true])
        let one = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 1, benzimidazolates: 1))
        XCTAssertEqual(one.structure.formula, "C16H16N8Zn")
        XCTAssertEqual(one.ligands.first?.kind, .benzimidazolate)
        XCTAssertTrue(one.ligands[0].isExchangeable)
        XCTAssertThrowsError(try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: GlassFragmentSpec(zinc: 1, benzimidazolates: 5)))
    }

    func testDeterministic() throws {
        let spec = GlassFragmentSpec(zinc: 4, benzimidazolates: 1)
        let a = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: spec)
        let b = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: spec)
        XCTAssertEqual(a.structure.contentHash, b.structure.contentHash)
        XCTAssertEqual(a.structure.atomicNumbers, b.structure.atomicNumbers)
    }
}
