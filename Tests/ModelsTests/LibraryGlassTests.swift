import Foundation
import Models
import Structures
import XCTest

/// Glass fragments with the ligand variants mIm (ZIF-8-like) and dcIm (ZIF-71-like):
/// formulas, neutrality, Zn–N bonds, substituent geometry, caps, determinism.
final class LibraryGlassTests: XCTestCase {
    func testFormulasAndNeutrality() throws {
        let expected: [(GlassLigandVariant, Int, LigandCap, String, [GlassLigand.Kind])] = [
            (.methylImidazolate, 1, .hIm, "C16H22N8Zn", [.twoMethylImidazolate, .twoMethylImidazolate, .twoMethylImidazole, .twoMethylImidazole]),
            (.methylImidazolate, 1, .meIm, "C18H26N8Zn", [.twoMethylImidazolate, .twoMethylImidazolate, .dimethylImidazole, .dimethylImidazole]),
            (.dichloroImidazolate, 1, .hIm, "C12H6Cl8N8Zn", [.dichloroImidazolate, .dichloroImidazolate, .dichloroImidazole, .dichloroImidazole]),
            (.dichloroImidazolate, 1, .meIm, "C14H10Cl8N8Zn", [.dichloroImidazolate, .dichloroImidazolate, .methylDichloroImidazole, .methylDichloroImidazole]),
        ]
        for (ligand, zinc, cap, formula, kinds) in expected {
            let g = try LibraryFixtures.glass(ligand, zinc: zinc, cap: cap)
            XCTAssertEqual(g.structure.formula, formula, "\(ligand) \(cap)")
            XCTAssertEqual(g.ligands.map(\.kind), kinds, "\(ligand) \(cap)")
            XCTAssertEqual(g.structure.charge, 0)
            XCTAssertEqual(g.ligands.filter(\.kind.isAnionic).count, 2 * zinc, "Zn²⁺ against the anionic ligands")
            XCTAssertNoThrow(try ChemistryCheck.check(g.structure))
        }
        for (ligand, formula) in [(GlassLigandVariant.methylImidazolate, "C48H64N24Zn4"), (.dichloroImidazolate, "C36H16Cl24N24Zn4")] {
            let ring = try LibraryFixtures.glass(ligand, zinc: 4)
            XCTAssertEqual(ring.structure.formula, formula)
            XCTAssertEqual(ring.ligands.filter(\.isBridging).count, 4)
            XCTAssertEqual(ring.ligands.filter(\.kind.isAnionic).count, 8)
            XCTAssertNoThrow(try ChemistryCheck.check(ring.structure))
        }
    }

    /// Each ligand keeps its Zn–N bond(s), each Zn is four-coordinate, and the file's ligands
    /// are recognised again from the bond graph (HmIm told from MeIm by its N–H).
    func testEveryLigandStaysBondedToZincAndIsRecognised() throws {
        for ligand in [GlassLigandVariant.methylImidazolate, .dichloroImidazolate] {
            for (zinc, cap) in [(1, LigandCap.hIm), (1, .meIm), (4, .hIm)] {
                let g = try LibraryFixtures.glass(ligand, zinc: zinc, cap: cap)
                let graph = BondGraph(g.structure)
                for l in g.ligands {
                    XCTAssertFalse(l.zincs.isEmpty)
                    for (zn, n) in zip(l.zincs, l.boundNitrogens) {
                        XCTAssertTrue(graph.neighbours[n].contains(zn), "\(g.structure.name): \(l.kind.rawValue) N \(n + 1)–Zn \(zn + 1)")
                    }
                }
                for zn in g.structure.atomicNumbers.indices where g.structure.atomicNumbers[zn] == 30 {
                    XCTAssertEqual(graph.neighbours[zn].count, 4, "\(g.structure.name): Zn \(zn + 1)")
                }
                XCTAssertEqual(graph.components().count, 1, g.structure.name)
                let found = GlassLigandFinder.ligands(in: g.structure)
                XCTAssertEqual(found.map(\.kind), g.ligands.map(\.kind), g.structure.name)
                XCTAssertEqual(found.map(\.atoms), g.ligands.map(\.atoms), g.structure.name)
            }
        }
    }

    /// C2–CH3 1.49 Å with three H at 1.09 Å; C4–Cl and C5–Cl 1.71 Å, in the ring plane.
    func testSubstituentGeometry() throws {
        let m = try LibraryFixtures.glass(.methylImidazolate)
        let s = m.structure
        let graph = BondGraph(s)
        for l in m.ligands {
            let c2 = l.atoms[1]
            let methyl = graph.neighbours[c2].filter { s.atomicNumbers[$0] == 6 && !l.atoms.prefix(5).contains($0) }
            XCTAssertEqual(methyl.count, 1, "one methyl on C2")
            XCTAssertEqual(builderLength(s.positions[methyl[0]] - s.positions[c2]), 1.49, accuracy: 1e-9)
            let hs = graph.neighbours[methyl[0]].filter { s.atomicNumbers[$0] == 1 }
            XCTAssertEqual(hs.count, 3)
            for h in hs { XCTAssertEqual(builderLength(s.positions[h] - s.positions[methyl[0]]), 1.09, accuracy: 1e-9) }
        }
        let d = try LibraryFixtures.glass(.dichloroImidazolate)
        let t = d.structure
        let dGraph = BondGraph(t)
        for l in d.ligands {
            for c in [l.atoms[3], l.atoms[4]] {
                let cl = dGraph.neighbours[c].filter { t.atomicNumbers[$0] == 17 }
                XCTAssertEqual(cl.count, 1)
                XCTAssertEqual(builderLength(t.positions[cl[0]] - t.positions[c]), 1.71, accuracy: 1e-9)
                XCTAssertFalse(dGraph.neighbours[c].contains { t.atomicNumbers[$0] == 1 }, "C4/C5 lost their H")
            }
        }
    }

    func testCapsMatchTheLigand() throws {
        let g = try LibraryFixtures.glass(.methylImidazolate)
        let graph = BondGraph(g.structure)
        let z = g.structure.atomicNumbers
        for l in g.ligands {
            let nh = l.atoms.filter { z[$0] == 1 && graph.neighbours[$0].contains { z[$0] == 7 } }
            XCTAssertEqual(nh.count, l.kind == .twoMethylImidazole ? 1 : 0, "\(l.kind.rawValue): N–H only on the HmIm caps")
        }
        let meCapped = try LibraryFixtures.glass(.dichloroImidazolate, cap: .meIm)
        let meGraph = BondGraph(meCapped.structure)
        for h in meCapped.structure.atomicNumbers.indices where meCapped.structure.atomicNumbers[h] == 1 {
            XCTAssertEqual(meGraph.neighbours[h].map { meCapped.structure.atomicNumbers[$0] }, [6], "no N–H with MeIm caps")
        }
    }

    func testDeterministicNamedAndBimOnlyWithIm() throws {
        for ligand in [GlassLigandVariant.methylImidazolate, .dichloroImidazolate] {
            let spec = GlassFragmentSpec(zinc: 4, ligand: ligand)
            let a = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: spec)
            let b = try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(), spec: spec)
            XCTAssertEqual(a.structure.contentHash, b.structure.contentHash)
            XCTAssertEqual(a.structure.name, "zn4-\(ligand.rawValue.lowercased())")
            XCTAssertThrowsError(try GlassFragmentBuilder.build(crystal: BuilderFixtures.crystal(),
                                                                spec: GlassFragmentSpec(zinc: 1, benzimidazolates: 1, ligand: ligand)))
        }
        XCTAssertEqual(GlassLigandVariant(name: "MIM"), .methylImidazolate)
        XCTAssertEqual(GlassLigandVariant(name: "dcim"), .dichloroImidazolate)
        XCTAssertNil(GlassLigandVariant(name: "bIm"))
        let plain = try LibraryFixtures.glass(.imidazolate)
        XCTAssertEqual(plain.structure.contentHash, try BuilderFixtures.zn1().structure.contentHash, "Im unchanged")
    }
}
