import Foundation
import Models
import Structures
import XCTest

/// Supercell building: atom counts, composition, volume, charge, distinct atoms, and that
/// building in two steps gives the same structure as building in one.
final class BulkSupercellTests: XCTestCase {
    static let bulk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("clusters/bulk")

    static func cell(_ phase: String) throws -> Structure {
        try StructureFile.read(path: bulk.appendingPathComponent("CsPbI3-\(phase).extxyz").path)
    }

    func testCountsCompositionAndVolume() throws {
        let alpha = try Self.cell("alpha")
        let volume = try XCTUnwrap(alpha.lattice).volume
        let cases: [(SupercellMatrix, Int)] = [
            (.diagonal(2, 2, 2), 8), (.faceCentred(2), 16), (.bodyCentred(2), 32), (.diagonal(4, 4, 4), 64),
            (.diagonal(1, 3, 1), 3), (.faceCentred(1), 2), (.bodyCentred(1), 4),
        ]
        for (matrix, cells) in cases {
            XCTAssertEqual(matrix.determinant, cells, matrix.label)
            let supercell = try Supercell.build(alpha, matrix: matrix)
            XCTAssertEqual(supercell.count, 5 * cells, matrix.label)
            XCTAssertEqual(supercell.atomicNumbers.filter { $0 == 55 }.count, cells, matrix.label)
            XCTAssertEqual(supercell.atomicNumbers.filter { $0 == 82 }.count, cells, matrix.label)
            XCTAssertEqual(supercell.atomicNumbers.filter { $0 == 53 }.count, 3 * cells, matrix.label)
            XCTAssertEqual(try XCTUnwrap(supercell.lattice).volume, volume * Double(cells),
                           accuracy: 1e-9 * volume * Double(cells), matrix.label)
            XCTAssertEqual(FormulaUnits.count(in: supercell), cells, matrix.label)
            XCTAssertEqual(supercell.name, "CsPbI3-alpha-\(matrix.label)")
        }
    }

    /// 160 atoms for the body-centred 32-cell supercell DESIGN.md describes; no two atoms (or
    /// an atom and an image) closer than in the cell: nothing duplicated at the faces.
    func testBodyCentredSupercellHasNoDuplicatedAtoms() throws {
        let alpha = try Self.cell("alpha")
        let supercell = try Supercell.build(alpha, matrix: .bodyCentred(2))
        XCTAssertEqual(supercell.count, 160)
        XCTAssertNoThrow(try StructureValidator.validate(supercell, file: "bcc-2", allowedElements: 1...86,
                                                         methodName: "test", minDistance: 3.0))
        let delta = try Supercell.build(try Self.cell("delta"), matrix: .diagonal(2, 3, 1))
        XCTAssertEqual(delta.count, 120)
        XCTAssertNoThrow(try StructureValidator.validate(delta, file: "2x3x1", allowedElements: 1...86,
                                                         methodName: "test", minDistance: 2.9))
    }

    func testTwoStepsEqualOneStep() throws {
        let delta = try Self.cell("delta")
        let twice = try Supercell.build(try Supercell.build(delta, matrix: .diagonal(2, 1, 1)), matrix: .diagonal(1, 3, 1))
        let once = try Supercell.build(delta, matrix: .diagonal(2, 3, 1))
        XCTAssertEqual(twice.contentHash, once.contentHash)
        // bcc-2 of α and a 2x2x2 of its fcc-1 … differ; but fcc-2 is 2x2x2 of fcc-1.
        let alpha = try Self.cell("alpha")
        let fcc = try Supercell.build(try Supercell.build(alpha, matrix: .faceCentred(1)), matrix: .diagonal(2, 2, 2))
        XCTAssertEqual(fcc.contentHash, try Supercell.build(alpha, matrix: .faceCentred(2)).contentHash)
    }

    func testChargeAndSpinScaleWithCells() throws {
        var cell = try Self.cell("alpha")
        cell.charge = 1
        cell.multiplicity = 2
        let supercell = try Supercell.build(cell, matrix: .diagonal(2, 1, 1))
        XCTAssertEqual(supercell.charge, 2)
        XCTAssertEqual(supercell.multiplicity, 3)
    }

    func testMoleculeIsRefused() throws {
        var molecule = try Self.cell("alpha")
        molecule.lattice = nil
        XCTAssertThrowsError(try Supercell.build(molecule, matrix: .diagonal(2, 2, 2)))
    }

    func testFormulaUnits() throws {
        XCTAssertEqual(FormulaUnits.count(in: try Self.cell("alpha")), 1)
        XCTAssertEqual(FormulaUnits.count(in: try Self.cell("delta")), 4)
        XCTAssertEqual(FormulaUnits.count(in: try Self.cell("gamma")), 4)
        XCTAssertEqual(FormulaUnits.reducedFormula(of: try Self.cell("delta")), "CsI3Pb")
    }

    func testLabelsParse() {
        XCTAssertEqual(SupercellMatrix(parsing: "1x3x1"), .diagonal(1, 3, 1))
        XCTAssertEqual(SupercellMatrix(parsing: "2×2×2"), .diagonal(2, 2, 2))
        XCTAssertEqual(SupercellMatrix(parsing: "bcc-2"), .bodyCentred(2))
        XCTAssertEqual(SupercellMatrix(parsing: "fcc-4"), .faceCentred(4))
        XCTAssertNil(SupercellMatrix(parsing: "2x2"))
        XCTAssertNil(SupercellMatrix(parsing: "0x1x1"))
    }
}
