import Foundation
import Models
import Structures
import XCTest

/// The library bulk cells (clusters/bulk/, issue 6): read from CIF (symmetry expanded) and
/// extended XYZ, atom counts, formulas, distances, neutrality, roles.
final class LibraryCellTests: XCTestCase {
    func testCellsReadExpandAndMatchTheirExtendedXYZ() throws {
        for cell in LibraryFixtures.cells {
            let cif = try LibraryFixtures.read(cell.stem)
            let xyz = try LibraryFixtures.read(cell.stem, "extxyz")
            XCTAssertEqual(cif.count, cell.atoms, "\(cell.stem): atoms after symmetry expansion")
            XCTAssertEqual(cif.formula, cell.formula, cell.stem)
            XCTAssertEqual(xyz.formula, cell.formula, cell.stem)
            XCTAssertTrue(cif.isPeriodic && xyz.isPeriodic, cell.stem)
            let lattice = try XCTUnwrap(cif.lattice)
            for (u, v) in zip(lattice.vectors, try XCTUnwrap(xyz.lattice).vectors) {
                XCTAssertLessThan(builderLength(u - v), 1e-4, "\(cell.stem): same cell in both files")
            }
            for i in xyz.positions.indices {
                let match = cif.positions.indices.contains { j in
                    cif.atomicNumbers[j] == xyz.atomicNumbers[i]
                        && builderLength(lattice.minimumImage(from: cif.positions[j], to: xyz.positions[i])) < 1e-4
                }
                XCTAssertTrue(match, "\(cell.stem): extxyz atom \(i + 1) is in the expanded CIF")
            }
        }
    }

    /// CsPbI3-gamma-pc.extxyz (make-gamma-pseudocubic.py) is the γ crystal of CsPbI3-gamma.extxyz on
    /// the axes A = a + c, B = b, C = c − a: twice the atoms, the same axis lengths and angle, and every
    /// atom, turned back onto those axes, sits on an atom of the same element of the Pnma cell (modulo its lattice).
    func testPseudoCubicGammaIsTheSameCrystal() throws {
        let pnma = try LibraryFixtures.read("CsPbI3-gamma", "extxyz")
        let pc = try LibraryFixtures.read("CsPbI3-gamma-pc", "extxyz")
        XCTAssertEqual(pc.count, 2 * pnma.count)
        let counts = { (s: Structure) in Dictionary(grouping: s.atomicNumbers, by: { $0 }).mapValues(\.count) }
        XCTAssertEqual(counts(pc), counts(pnma).mapValues { 2 * $0 })
        let (a, b, c) = try { () throws -> (Vec3, Vec3, Vec3) in
            let v = try XCTUnwrap(pnma.lattice).vectors
            return (v[0], v[1], v[2])
        }()
        let axes = [a + c, b, c - a]
        let pcLattice = try XCTUnwrap(pc.lattice)
        for (axis, vector) in zip(axes, pcLattice.vectors) {
            XCTAssertEqual(builderLength(axis), builderLength(vector), accuracy: 1e-5, "the same axes, turned")
        }
        XCTAssertEqual((axes[0] * axes[2]).sum(), (pcLattice.vectors[0] * pcLattice.vectors[2]).sum(), accuracy: 1e-4,
                       "A and C at the same angle (90.5°: a and c differ)")
        let lattice = try XCTUnwrap(pnma.lattice)
        for i in pc.positions.indices {
            let f = pcLattice.fractional(fromCartesian: pc.positions[i])
            let back = axes[0] * f.x + axes[1] * f.y + axes[2] * f.z
            let match = pnma.positions.indices.contains { j in
                pnma.atomicNumbers[j] == pc.atomicNumbers[i] && builderLength(lattice.minimumImage(from: pnma.positions[j], to: back)) < 1e-4
            }
            XCTAssertTrue(match, "pseudo-cubic atom \(i + 1) is an atom of the Pnma cell")
        }
    }

    func testNoCloseContactsAndNeutral() throws {
        for cell in LibraryFixtures.cells {
            let s = try LibraryFixtures.read(cell.stem)
            XCTAssertGreaterThan(LibraryFixtures.tightestRatio(s), 0.75, "\(cell.stem): a pair closer than 0.75 × the covalent radii")
            XCTAssertNoThrow(try StructureValidator.validate(s, file: cell.stem, allowedElements: 1...86, methodName: "GFN0-xTB"),
                             cell.stem)
            let molecules = LibraryFixtures.molecules(s)
            XCTAssertTrue(molecules.allSatisfy { $0 == cell.molecule }, "\(cell.stem): \(molecules)")
            XCTAssertEqual(LibraryFixtures.formalCharge(s, b: cell.b, x: cell.x, molecules: molecules.count), 0, cell.stem)
            XCTAssertEqual(s.charge, 0)
        }
    }

    func testRolesIncludingTheMolecularCation() throws {
        for cell in LibraryFixtures.cells {
            let roles = try PerovskiteRoles.identify(in: LibraryFixtures.read(cell.stem))
            XCTAssertEqual(roles.b, cell.b, cell.stem)
            XCTAssertEqual(roles.x, cell.x, cell.stem)
            XCTAssertEqual(roles.molecule, cell.molecule, cell.stem)
            XCTAssertEqual(roles.a, cell.molecule == nil ? 55 : 0, cell.stem)
        }
    }

    /// Every B has six X within the bond rule, and the molecule's bonds are the intended ones
    /// (C–N 1.32, N–H 1.02, C–H 1.09 Å) with every H at least 2.4 Å from every I.
    func testOctahedraAndTheFormamidiniumGeometry() throws {
        for cell in LibraryFixtures.cells {
            let s = try LibraryFixtures.read(cell.stem)
            let lattice = try XCTUnwrap(s.lattice)
            let supercell = Self.images(s, lattice)
            let cutoff = BondRule().cutoff(cell.b, cell.x)
            for i in s.atomicNumbers.indices where s.atomicNumbers[i] == cell.b {
                let n = supercell.filter { $0.z == cell.x && builderLength($0.r - s.positions[i]) <= cutoff }.count
                XCTAssertEqual(n, 6, "\(cell.stem): B \(i + 1) has \(n) X")
            }
            guard cell.molecule != nil else { continue }
            let graph = BondGraph(s)
            for bond in graph.bonds {
                let pair = Set([s.atomicNumbers[bond.i], s.atomicNumbers[bond.j]])
                let d = builderLength(lattice.minimumImage(from: s.positions[bond.i], to: s.positions[bond.j]))
                let expected: Double? = pair == [6, 7] ? 1.32 : pair == [1, 7] ? 1.02 : pair == [1, 6] ? 1.09 : nil
                if let expected { XCTAssertEqual(d, expected, accuracy: 1e-4, "\(cell.stem) \(pair)") }
            }
            for h in s.atomicNumbers.indices where s.atomicNumbers[h] == 1 {
                let nearest = supercell.filter { $0.z == 53 }.map { builderLength($0.r - s.positions[h]) }.min()!
                XCTAssertGreaterThan(nearest, 2.4, "\(cell.stem): H \(h + 1)···I")
            }
        }
    }

    /// The cell's atoms in the 27 cells around it.
    static func images(_ s: Structure, _ lattice: Lattice) -> [(z: Int, r: Vec3)] {
        var out: [(z: Int, r: Vec3)] = []
        for i in -1...1 { for j in -1...1 { for k in -1...1 {
            let shift = lattice.cartesian(fromFractional: Vec3(Double(i), Double(j), Double(k)))
            out += zip(s.atomicNumbers, s.positions).map { ($0, $1 + shift) }
        } } }
        return out
    }
}
