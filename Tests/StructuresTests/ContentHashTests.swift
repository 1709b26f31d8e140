import XCTest
@testable import Structures

final class ContentHashTests: XCTestCase {
    func testCanonicalText() {
        let s = Structure(name: "x", atomicNumbers: [8, 1, 1],
                          positions: [Vec3(0, 0, 0.1173), Vec3(0, 0.7572, -0.4692), Vec3(-0.000001, -0.7572, -0.4692)],
                          charge: -1, multiplicity: 2)
        XCTAssertEqual(s.canonicalText, """
            structure-v1
            charge -1
            multiplicity 2
            molecule
            1 0.00000 -0.75720 -0.46920
            1 0.00000 0.75720 -0.46920
            8 0.00000 0.00000 0.11730

            """)
        XCTAssertEqual(Samples.alpha.canonicalText.split(separator: "\n")[3...4].joined(separator: "\n"), """
            lattice 6.28940 0.00000 0.00000 0.00000 6.28940 0.00000 0.00000 0.00000 6.28940
            pbc T T T
            """)
        XCTAssertEqual(s.contentHash, SHA256.hex(of: s.canonicalText))
    }

    func testInvariance() throws {
        let s = Samples.random(count: 40, seed: 5)
        var rng = SplitMix(seed: 11)
        let order = Array(s.positions.indices).shuffled(using: &rng)
        let shuffled = Structure(name: "other name", atomicNumbers: order.map { s.atomicNumbers[$0] },
                                 positions: order.map { s.positions[$0] }, charge: s.charge,
                                 multiplicity: s.multiplicity, lattice: s.lattice)
        XCTAssertEqual(shuffled.contentHash, s.contentHash)

        let a = try XYZFormat.read("3\nwater\nO 0 0 0.1173\nH 0 0.7572 -0.4692\nH 0 -0.7572 -0.4692\n").structure
        let b = try XYZFormat.read("  3  \r\n  another comment, same atoms\r\nH\t0.0   -0.75720  -0.469200\r\nO 0.0 0.0 0.11730\r\nH 0 0.7572 -0.4692\r\n\r\n")
            .structure
        XCTAssertEqual(a.contentHash, b.contentHash)
        XCTAssertEqual(a.contentHash, Samples.water.contentHash)
    }

    func testSensitivity() {
        let s = Samples.random(count: 10, seed: 6)
        var variants: [Structure] = []
        var v = s
        v.charge += 1; variants.append(v)
        v = s; v.multiplicity += 2; variants.append(v)
        v = s; v.lattice!.vectors[1].y += 0.001; variants.append(v)
        v = s; v.lattice!.pbc[2] = false; variants.append(v)
        v = s; v.lattice = nil; variants.append(v)
        v = s; v.positions[3].z += 0.001; variants.append(v)
        v = s; v.positions[3] += v.lattice!.vectors[0]; variants.append(v)   // not wrapped: differs
        v = s; v.atomicNumbers[0] = v.atomicNumbers[0] % 86 + 1; variants.append(v)
        let hashes = Set(variants.map(\.contentHash) + [s.contentHash])
        XCTAssertEqual(hashes.count, variants.count + 1)
        v = s; v.positions[3].z += 1e-9
        XCTAssertEqual(v.contentHash, s.contentHash)
    }
}
