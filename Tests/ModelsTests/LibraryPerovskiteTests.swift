import Foundation
import Models
import Structures
import XCTest

/// Perovskite fragments of the library cells: stoichiometry, neutrality, determinism, whole
/// molecular cations, glass-facing halides.
final class LibraryPerovskiteTests: XCTestCase {
    func testFragmentsAreStoichiometricNeutralAndSane() throws {
        for cell in LibraryFixtures.cells {
            for n in [4, 8] {
                let f = try LibraryFixtures.fragment(cell.stem, units: n)
                let s = f.structure
                let label = "\(cell.stem) \(n)"
                XCTAssertEqual(BuilderFixtures.count(s, cell.b), n, label)
                XCTAssertEqual(BuilderFixtures.count(s, cell.x), 3 * n, label)
                let molecules = LibraryFixtures.molecules(s)
                if let molecule = cell.molecule {
                    XCTAssertEqual(molecules, [String](repeating: molecule, count: n), "\(label): every FA whole")
                    XCTAssertEqual(BuilderFixtures.count(s, 55), 0)
                    XCTAssertEqual(s.count, n * (4 + 8), label)
                } else {
                    XCTAssertEqual(BuilderFixtures.count(s, 55), n, label)
                    XCTAssertEqual(s.count, 5 * n, label)
                }
                XCTAssertEqual(s.charge, 0)
                XCTAssertEqual(LibraryFixtures.formalCharge(s, b: cell.b, x: cell.x, molecules: molecules.count), 0, label)
                XCTAssertNoThrow(try ChemistryCheck.check(s), label)
                XCTAssertFalse(f.facing.isEmpty, "\(label) has glass-facing sites")
                XCTAssertTrue(f.facing.allSatisfy { s.atomicNumbers[$0] == cell.x }, label)
                XCTAssertEqual(f.roles.molecule, cell.molecule)
            }
        }
    }

    /// B first, then X, then A; each FA's atoms together in the order C, N, N, H×5.
    func testMolecularCationsComeWholeAndInOrder() throws {
        let f = try LibraryFixtures.fragment("FAPbI3-alpha", units: 8)
        let z = f.structure.atomicNumbers
        XCTAssertEqual(Array(z[0..<8]), [Int](repeating: 82, count: 8))
        XCTAssertEqual(Array(z[8..<32]), [Int](repeating: 53, count: 24))
        for k in 0..<8 {
            XCTAssertEqual(Array(z[(32 + 8 * k)..<(40 + 8 * k)]), [6, 7, 7, 1, 1, 1, 1, 1], "FA \(k + 1)")
        }
        let graph = BondGraph(f.structure)
        for k in 0..<8 {
            let carbon = 32 + 8 * k
            XCTAssertEqual(graph.neighbours[carbon].map { z[$0] }.sorted(), [1, 7, 7], "C of FA \(k + 1): two N and its H")
        }
        let frame = try XYZFormat.read(f.extendedXYZ(source: "test"))
        XCTAssertEqual(frame.info["roles"], "A=CH5N2 B=Pb X=I")
    }

    func testDeterministicAndIndependentOfInputOrder() throws {
        for stem in ["FAPbI3-delta", "CsSnI3-delta", "CsPbCl3-alpha"] {
            let cell = try LibraryFixtures.read(stem)
            let spec = PerovskiteFragmentSpec(units: 8)
            let first = try PerovskiteFragmentBuilder.build(cell: cell, spec: spec)
            let again = try PerovskiteFragmentBuilder.build(cell: cell, spec: spec)
            XCTAssertEqual(first.structure.contentHash, again.structure.contentHash, stem)
            XCTAssertEqual(first.facing, again.facing, stem)
            var shuffled = cell
            let order = Array(cell.atomicNumbers.indices.reversed())
            shuffled.atomicNumbers = order.map { cell.atomicNumbers[$0] }
            shuffled.positions = order.map { cell.positions[$0] }
            let reversed = try PerovskiteFragmentBuilder.build(cell: shuffled, spec: spec)
            XCTAssertEqual(reversed.structure.contentHash, first.structure.contentHash, "\(stem): input order does not matter")
            XCTAssertEqual(reversed.structure.atomicNumbers, first.structure.atomicNumbers, stem)
        }
    }

    /// A molecule that is split across the cell boundary in the file is put back together.
    func testAMoleculeCutByTheCellBoundaryIsUnwrapped() throws {
        var cell = try LibraryFixtures.read("FAPbI3-alpha")
        let lattice = try XCTUnwrap(cell.lattice)
        let shift = lattice.cartesian(fromFractional: Vec3(0.45, 0.3, 0.55))
        cell.positions = cell.positions.map { p in
            let f = lattice.fractional(fromCartesian: p + shift)
            return lattice.cartesian(fromFractional: f - f.rounded(.down))
        }
        let f = try PerovskiteFragmentBuilder.build(cell: cell, spec: PerovskiteFragmentSpec(units: 4))
        XCTAssertEqual(LibraryFixtures.molecules(f.structure), [String](repeating: "CH5N2", count: 4))
        XCTAssertNoThrow(try ChemistryCheck.check(f.structure))
    }

    func testMixedOrStrayOrganicsAreRefused() throws {
        var cell = try LibraryFixtures.read("FAPbI3-alpha")
        cell.atomicNumbers.removeLast()
        cell.positions.removeLast()
        cell.atomicNumbers.append(1)
        cell.positions.append(Vec3(0.1, 3.2, 5.9))
        XCTAssertThrowsError(try PerovskiteFragmentBuilder.build(cell: cell, spec: PerovskiteFragmentSpec(units: 4))) { error in
            XCTAssertTrue("\(error)".contains("FAPbI3-alpha"), "\(error)")
        }
    }
}
