import Foundation
import Models
import Structures
import XCTest

/// Symmetric slabs cut from the committed bulk cells: stoichiometry, faces, termination,
/// contacts, vacuum, determinism. Expected numbers are counted by hand from the cells.
final class SlabBuilderTests: XCTestCase {
    private func alpha() throws -> Structure { try BulkSupercellTests.cell("alpha") }

    private func slab(_ cell: Structure, _ miller: String, _ termination: String, layers: Int,
                      inPlane: (Int, Int) = (1, 1), vacuum: Double = 20) throws -> Slab {
        try SlabBuilder.build(cell, spec: SlabSpec(miller: MillerIndex(miller)!, termination: termination, layers: layers,
                                                   inPlane: inPlane, vacuum: vacuum))
    }

    /// α (001), CsI-terminated, 7 layers, 2×2: 4 CsI layers (Cs4I4 each in 2×2) and 3 PbI2 layers
    /// (Pb4I8 each): Cs16 Pb12 I40 = 68 atoms (the 68-atom slab of DESIGN §5), 12 CsPbI3 + Cs4I4.
    func testAXTerminatedSlabCarriesExcessAX() throws {
        let s = try slab(alpha(), "001", "CsI", layers: 7, inPlane: (2, 2))
        XCTAssertEqual(s.structure.count, 68)
        XCTAssertEqual(s.bulkUnits, 12)
        XCTAssertEqual(s.excess, Composition(formula: "Cs4I4"))
        XCTAssertFalse(s.isStoichiometric)
        XCTAssertEqual(s.layerCompositions.map { $0.reduced.description },
                       ["CsI", "PbI2", "CsI", "PbI2", "CsI", "PbI2", "CsI"])
        // Area of one face: (2 × 6.2894 Å)² = 158.22622 Å².
        XCTAssertEqual(s.area, 158.226_209_44, accuracy: 1e-6)
    }

    /// PbI2-terminated, 7 layers, 1×1: Pb4 I8 from four PbI2 layers, Cs3 I3 from three CsI layers:
    /// Cs3 Pb4 I11 = 3 CsPbI3 + PbI2.
    func testBX2TerminatedSlabCarriesExcessBX2() throws {
        let s = try slab(alpha(), "001", "PbI2", layers: 7)
        XCTAssertEqual(s.bulkUnits, 3)
        XCTAssertEqual(s.excess, Composition(formula: "PbI2"))
        XCTAssertEqual(s.layerCompositions.first?.description, "PbI2")
        XCTAssertEqual(s.layerCompositions.last?.description, "PbI2")
    }

    /// α (110): layers CsPbI and I2 alternate (d110 = 6.2894/√2 = 4.4473 Å, I2 at half of it).
    /// 5 layers CsPbI-terminated: Cs3Pb3I3 + I4 = 2 CsPbI3 + CsPbI; I2-terminated: Cs2Pb2I2 + I6 =
    /// 2 CsPbI3 + I2.
    func testAlpha110Terminations() throws {
        let a = try slab(alpha(), "110", "CsPbI", layers: 5)
        XCTAssertEqual(a.bulkUnits, 2)
        XCTAssertEqual(a.excess, Composition(formula: "CsPbI"))
        let b = try slab(alpha(), "110", "I2", layers: 5)
        XCTAssertEqual(b.bulkUnits, 2)
        XCTAssertEqual(b.excess, Composition(formula: "I2"))
        XCTAssertEqual(b.thickness, 2 * 6.2894 / 2.0.squareRoot(), accuracy: 1e-6)
    }

    /// Independent of the builder's own symmetry search: every atom (x, y, z) has an atom of the
    /// same element at (x, y, z_top + z_bottom − z), modulo the in-plane cell (α (001): mirror).
    func testTwoFacesAreMirrorImages() throws {
        let s = try slab(alpha(), "001", "CsI", layers: 5, inPlane: (2, 2))
        let z = s.structure.positions.map(\.z)
        let mid = (z.min()! + z.max()!)
        let lattice = s.structure.lattice!
        for (i, r) in s.structure.positions.enumerated() {
            let image = Vec3(r.x, r.y, mid - r.z)
            let partner = s.structure.positions.indices.first { j in
                s.structure.atomicNumbers[j] == s.structure.atomicNumbers[i]
                    && length(lattice.minimumImage(from: image, to: s.structure.positions[j])) < 1e-6
            }
            XCTAssertNotNil(partner, "atom \(i) has no mirror partner")
        }
    }

    /// Vacuum: the cell's c is the slab thickness plus the vacuum; the gap from the top atom to the
    /// bottom atom's image is exactly the vacuum.
    func testVacuumIsTheRequestedGap() throws {
        let s = try slab(alpha(), "001", "CsI", layers: 7, vacuum: 15)
        let z = s.structure.positions.map(\.z)
        let c = s.structure.lattice!.vectors[2]
        XCTAssertEqual(c, Vec3(0, 0, c.z))
        XCTAssertEqual(z.max()! - z.min()!, 6 * 3.1447, accuracy: 1e-9)
        XCTAssertEqual(c.z - (z.max()! - z.min()!), 15, accuracy: 1e-9)
    }

    /// No two atoms closer than in bulk α (shortest Pb–I 3.1447 Å), periodic images included.
    func testNoCloseContacts() throws {
        let s = try slab(alpha(), "110", "I2", layers: 5, inPlane: (1, 2))
        let lattice = s.structure.lattice!
        var shortest = Double.infinity
        for i in s.structure.positions.indices {
            for j in s.structure.positions.indices where j > i {
                shortest = min(shortest, length(lattice.minimumImage(from: s.structure.positions[i],
                                                                     to: s.structure.positions[j])))
            }
        }
        XCTAssertEqual(shortest, 3.1447, accuracy: 1e-6)
    }

    func testSameInputGivesTheSameSlab() throws {
        let a = try slab(alpha(), "001", "PbI2", layers: 5, inPlane: (2, 2))
        let b = try slab(alpha(), "001", "PbI2", layers: 5, inPlane: (2, 2))
        XCTAssertEqual(a.structure, b.structure)
        XCTAssertEqual(a.structure.contentHash, b.structure.contentHash)
    }

    /// γ (Pnma, b = 12.758 Å the long axis): (010) is the pseudo-cubic (001); its tilted CsI and PbI2
    /// layers still give symmetric slabs. 7 CsI-terminated layers in 1×1: 4 Cs2I2 + 3 Pb2I4 layers
    /// = Cs8 Pb6 I20 = 6 CsPbI3 + Cs2I2.
    func testGammaPseudoCubicSlab() throws {
        let s = try slab(BulkSupercellTests.cell("gamma"), "010", "CsI", layers: 7)
        XCTAssertEqual(s.bulkUnits, 6)
        XCTAssertEqual(s.excess, Composition(formula: "Cs2I2"))
    }

    /// δ (Pnma, chains along b): its (010) layers are flat Cs2Pb2I6 sheets (y = 1/4, 3/4): a
    /// stoichiometric slab, 4 layers = 8 CsPbI3, no excess.
    func testDeltaStoichiometricSlab() throws {
        let s = try slab(BulkSupercellTests.cell("delta"), "010", "CsPbI3", layers: 4)
        XCTAssertEqual(s.bulkUnits, 8)
        XCTAssertTrue(s.isStoichiometric)
    }

    func testUnknownTerminationNamesTheLayers() throws {
        XCTAssertThrowsError(try slab(alpha(), "001", "CsPbI", layers: 5)) { error in
            XCTAssertTrue("\(error)".contains("its layers are"), "\(error)")
        }
    }

    private func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
}
