import Foundation
import Models
import Structures
import XCTest

/// The topology guard: passes unchanged structures, catches planted proton migration and
/// dissociation, flags metal rearrangements.
final class TopologyGuardTests: XCTestCase {
    let guardian = TopologyGuard()

    func testUnchangedAndSlightlyMovedStructuresAreIntact() throws {
        let s = try BuilderFixtures.zn1().structure
        let same = try guardian.compare(start: s, end: s)
        XCTAssertEqual(same.verdict, .intact)
        XCTAssertFalse(same.excludesResult)
        var jiggled = s
        for i in jiggled.positions.indices {
            let k = Double(i)
            jiggled.positions[i] += 0.05 * Vec3(sin(k), cos(1.7 * k), sin(2.3 * k))
        }
        XCTAssertEqual(try guardian.compare(start: s, end: jiggled).verdict, .intact)
    }

    /// The pitfall seen in DESIGN §3: the N–H proton of a capping HIm moves onto the free N of
    /// an imidazolate.
    func testCatchesPlantedProtonMigration() throws {
        let g = try BuilderFixtures.zn1()
        var s = g.structure
        let him = g.ligands[2]
        let h = him.atoms.first { s.atomicNumbers[$0] == 1 }!  // the N–H proton comes first
        let im = g.ligands[0]
        let freeN = im.atoms.first { s.atomicNumbers[$0] == 7 && $0 != im.boundNitrogens[0] }!
        let out = s.positions[freeN] - s.positions[0]
        s.positions[h] = s.positions[freeN] + 1.02 * out / builderLength(out)
        let report = try guardian.compare(start: g.structure, end: s)
        XCTAssertEqual(report.verdict, .broken)
        XCTAssertTrue(report.excludesResult)
        let nitrogen = him.atoms[0]
        XCTAssertTrue(report.changes.contains(.protonMigrated(hydrogen: h, from: nitrogen, to: freeN)), report.message)
        XCTAssertTrue(report.message.contains("proton migrated: H \(h + 1) moved from N \(nitrogen + 1) to N \(freeN + 1)"), report.message)
    }

    /// An HIm pulled 4 Å off its Zn: one fragment more.
    func testCatchesPlantedDissociation() throws {
        let g = try BuilderFixtures.zn1()
        var s = g.structure
        let him = g.ligands[3]
        let away = s.positions[him.boundNitrogens[0]] - s.positions[0]
        for i in him.atoms { s.positions[i] += 4 * away / builderLength(away) }
        let report = try guardian.compare(start: g.structure, end: s)
        XCTAssertEqual(report.verdict, .broken)
        XCTAssertTrue(report.changes.contains(.dissociated(fragmentsBefore: 1, fragmentsAfter: 2, detached: [him.atoms])), report.message)
        XCTAssertTrue(report.changes.contains(.metalBondBroken(metal: 0, partner: him.boundNitrogens[0])))
        XCTAssertTrue(report.message.contains("detached C3H4N2"), report.message)
    }

    /// zn1 and a small piece (`numbers`) placed beyond the free N of its first imidazolate: the
    /// piece 12 Å further out at the start, at `place(N position, outward, sideways)` at the end.
    private func approachFreeNitrogen(_ numbers: [Int], _ place: (Vec3, Vec3, Vec3) -> [Vec3]) throws
        -> (start: Structure, end: Structure, freeN: Int, piece: Int) {
        let g = try BuilderFixtures.zn1()
        let im = g.ligands[0]
        let s = g.structure
        let freeN = im.atoms.first { s.atomicNumbers[$0] == 7 && $0 != im.boundNitrogens[0] }!
        let outward = s.positions[freeN] - s.positions[0]
        let out = outward / builderLength(outward)
        let side = Vec3(out.y, -out.x, 0) / builderLength(Vec3(out.y, -out.x, 0))
        let piece = place(s.positions[freeN], out, side)
        let all = s.atomicNumbers + numbers
        return (Structure(name: "apart", atomicNumbers: all, positions: s.positions + piece.map { $0 + 12 * out }),
                Structure(name: "together", atomicNumbers: all, positions: s.positions + piece), freeN, s.count)
    }

    /// A PbI2 that was apart now binds the free N of an imidazolate: a new metal bond and one
    /// fragment fewer — flagged, not excluded.
    func testMetalRearrangementIsFlagged() throws {
        let (start, end, freeN, pbAtom) = try approachFreeNitrogen([82, 53, 53]) { n, out, side in
            let pb = n + 2.6 * out
            return [pb, pb + 2.8 * (0.6 * out + 0.8 * side), pb + 2.8 * (0.6 * out - 0.8 * side)]
        }
        let report = try guardian.compare(start: start, end: end)
        XCTAssertEqual(report.changes, [.associated(fragmentsBefore: 2, fragmentsAfter: 1,
                                                    joinedBy: [BondGraph.Bond(freeN, pbAtom)]),
                                        .metalBondFormed(metal: pbAtom, partner: freeN)], report.message)
        XCTAssertTrue(report.message.contains("associated: 2 → 1 fragments, joined by N \(freeN + 1)–Pb \(pbAtom + 1)"),
                      report.message)
        XCTAssertEqual(report.verdict, .rearranged)
        XCTAssertFalse(report.excludesResult)
    }

    /// A CsI pair that was apart now touches the free N of an imidazolate with its Cs⁺: one
    /// fragment fewer, joined by that contact alone (a spectator, so no metal bond is reported).
    func testAnAssociationNamesTheContactThatJoinsTheFragments() throws {
        let (start, end, freeN, csAtom) = try approachFreeNitrogen([55, 53]) { n, out, _ in
            [n + 3.3 * out, n + 6.8 * out]
        }
        let report = try guardian.compare(start: start, end: end)
        guard case let .associated(2, 1, joins) = report.changes.first, report.changes.count == 1 else {
            return XCTFail(report.message)
        }
        // The Cs⁺ is within contact of the ring's N and of its neighbours; every join is to it.
        XCTAssertTrue(joins.contains(BondGraph.Bond(freeN, csAtom)), report.message)
        XCTAssertEqual(Set(joins.map(\.j)), [csAtom], report.message)
        XCTAssertTrue(report.message.hasPrefix("topology rearranged (flagged): pieces that were apart are now in contact\n"
            + "  - associated: 2 → 1 fragments, joined by "), report.message)
        XCTAssertTrue(report.message.contains("N \(freeN + 1)–Cs \(csAtom + 1)"), report.message)
        XCTAssertFalse(report.excludesResult)
    }

    /// A fragment overlapping another after a bad move: the H now nearest a Cs counts as moved.
    func testRigidOverlapIsNotMistakenForIntact() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        let result = try ExchangeBuilder.enumerate(surface: surface, glass: BuilderFixtures.zn1(),
                                                   spec: ExchangeSpec(k: 1, sites: 1, ligands: [1], orientations: 1))
        let start = try XCTUnwrap(result.products.first).structure
        var end = start
        let centre = start.positions[0..<8].reduce(Vec3.zero, +) / 8
        let zn = start.atomicNumbers.firstIndex(of: 30)!
        let pull = (centre - end.positions[zn]) * 0.5
        for i in zn..<start.count { end.positions[i] += pull }
        XCTAssertNotEqual(try guardian.compare(start: start, end: end).verdict, .intact)
    }

    func testRefusesDifferentAtoms() throws {
        let s = try BuilderFixtures.zn1().structure
        var other = s
        other.atomicNumbers.swapAt(0, 1)
        XCTAssertThrowsError(try guardian.compare(start: s, end: other))
    }

    func testBondRule() {
        let rule = BondRule()
        XCTAssertTrue(rule.bonded(30, 7, distance: 2.0))
        XCTAssertFalse(rule.bonded(7, 1, distance: 1.9), "an N···H hydrogen bond is not a bond")
        XCTAssertTrue(rule.bonded(82, 53, distance: 3.37), "δ's longest Pb–I")
        XCTAssertFalse(rule.bonded(82, 82, distance: 2.0), "metal–metal pairs are never bonded")
    }
}
