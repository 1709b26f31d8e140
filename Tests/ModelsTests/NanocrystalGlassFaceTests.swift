import Foundation
import Models
import Structures
import XCTest

/// The glass face of a nanocrystal block (`build nanocrystal --glass-face`): its sites are the
/// terminal halides of that face whose bond points out of it, the one over the face centre first.
final class NanocrystalGlassFaceTests: XCTestCase {
    func testFaceLabels() {
        XCTAssertEqual(NanocrystalGlassFace("+c"), NanocrystalGlassFace("c"))
        XCTAssertEqual(NanocrystalGlassFace("-A")?.label, "-a")
        XCTAssertEqual(NanocrystalGlassFace("+b")?.opposite.label, "-b")
        for bad in ["d", "+", "cc", "", "+-c"] { XCTAssertNil(NanocrystalGlassFace(bad), bad) }
    }

    /// α 3×3×2 cut at origin 0 (Pb on the cell corners, I on the edge midpoints): the +c face is the
    /// top layer of I above the nine top Pb (z = 1.5 a), each bonded to one Pb straight below it;
    /// the first sits over the central Pb, the others at least one cell edge away from it.
    func testAlphaTopFaceIsTheNineApicalIodides() throws {
        let cell = try NanocrystalBuilderTests.cell("CsPbI3-alpha")
        let a = try XCTUnwrap(cell.lattice).vectors[0].x
        let block = try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(3, 3, 2))
        XCTAssertEqual(block.origin, SIMD3(0, 0, 0), "the hand count below assumes Pb on the corners")
        let marked = try block.facingGlass(on: XCTUnwrap(NanocrystalGlassFace("+c")), cell: cell)
        let s = marked.structure
        let sites = marked.glassFacing
        XCTAssertEqual(sites.count, 9)
        let lead = s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 82 }
        let centre = lead.map { s.positions[$0] }.reduce(Vec3(0, 0, 0), +) / Double(lead.count)
        for (k, i) in sites.enumerated() {
            XCTAssertEqual(s.atomicNumbers[i], 53)
            XCTAssertEqual(s.positions[i].z - s.positions[sites[0]].z, 0, accuracy: 1e-9, "one layer")
            XCTAssertEqual(s.positions[i].z, 1.5 * a, accuracy: 1e-6)
            let below = lead.filter { j in
                let d = s.positions[i] - s.positions[j]
                return (d * d).sum().squareRoot() < 0.6 * a
            }
            XCTAssertEqual(below.count, 1, "terminal: one Pb")
            XCTAssertEqual(s.positions[i].z - s.positions[below[0]].z, a / 2, accuracy: 1e-6, "straight below")
            let lateral = ((s.positions[i].x - centre.x) * (s.positions[i].x - centre.x)
                + (s.positions[i].y - centre.y) * (s.positions[i].y - centre.y)).squareRoot()
            if k == 0 { XCTAssertEqual(lateral, 0, accuracy: 1e-6) } else { XCTAssertGreaterThanOrEqual(lateral, a - 1e-6) }
        }
        XCTAssertTrue(marked.info.contains { $0.0 == "glass_facing" && $0.1.hasPrefix("\(sites[0] + 1) ") })
    }

    /// The −c face of that block ends in Pb missing its apical I: its only terminal I are in-plane
    /// ones on the block's edges, whose bonds lie in the face; no site, and the error says which
    /// face to use instead.
    func testAFaceWithoutOutwardHalidesIsRefusedByName() throws {
        let cell = try NanocrystalBuilderTests.cell("CsPbI3-alpha")
        let block = try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(3, 3, 2))
        XCTAssertThrowsError(try block.facingGlass(on: XCTUnwrap(NanocrystalGlassFace("-c")), cell: cell)) { error in
            XCTAssertTrue("\(error)".contains("face -c has no terminal halide"), "\(error)")
            XCTAssertTrue("\(error)".contains("try +c"), "\(error)")
        }
    }

    /// Choosing a face changes no atom, only the keys.
    func testMarkingAFaceKeepsTheBlock() throws {
        let cell = try NanocrystalBuilderTests.cell("CsPbI3-delta")
        let block = try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(2, 2, 1))
        let marked = try block.facingGlass(on: XCTUnwrap(NanocrystalGlassFace("+c")), cell: cell)
        XCTAssertEqual(marked.structure, block.structure)
        XCTAssertEqual(marked.glassFace, "+c")
        XCTAssertFalse(marked.glassFacing.isEmpty)
    }
}
