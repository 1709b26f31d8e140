import Foundation
import Models
import Structures
import XCTest
@testable import Campaign

/// `supercell = "…"` in a [[structures]] table: the structure computed is that supercell of the file's cell.
final class SupercellSpecTests: XCTestCase {
    /// A cubic cell, one formula unit of CsPbI3 (a = 6.29 Å).
    static let cubic = """
        5
        Lattice="6.29 0 0 0 6.29 0 0 0 6.29" pbc="T T T" charge=0 multiplicity=1
        Cs 0.000 0.000 0.000
        Pb 3.145 3.145 3.145
        I  0.000 3.145 3.145
        I  3.145 0.000 3.145
        I  3.145 3.145 0.000

        """

    func testTheSupercellReplacesTheCellAndKeepsTheName() throws {
        let sandbox = try SpecSandbox()
        let path = try sandbox.write("cells/alpha.extxyz", Self.cubic)
        let parsed = try sandbox.parse("""
            [campaign]
            name = "bulk"

            [[structures]]
            name = "alpha_fcc2"
            files = "cells/alpha.extxyz"
            supercell = "fcc-2"
            formula_units = 16

            [[structures]]
            name = "alpha_222"
            files = "cells/alpha.extxyz"
            supercell = "2x2x2"
            formula_units = 8
            """)
        XCTAssertEqual(parsed.structures.map(\.name), ["alpha_fcc2", "alpha_222"])
        let cell = try StructureFile.read(path: path)
        let fcc = parsed.structures[0].structure
        XCTAssertEqual(fcc.count, 16 * 5)
        XCTAssertEqual(fcc.contentHash, try Supercell.build(cell, matrix: .faceCentred(2)).contentHash)
        XCTAssertEqual(parsed.structures[1].structure.count, 8 * 5)
        XCTAssertNotEqual(fcc.contentHash, parsed.structures[1].structure.contentHash)
    }

    func testAnUnknownSupercellIsRejectedAtItsLine() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("cells/alpha.extxyz", Self.cubic)
        let problems = try sandbox.problems("""
            [campaign]
            name = "bulk"

            [[structures]]
            files = "cells/alpha.extxyz"
            supercell = "3by3"
            """)
        XCTAssertEqual(problems.map(\.line), [6], "\(problems)")
        XCTAssertTrue(problems[0].message.contains("\"3by3\" is not a supercell"), "\(problems)")
    }

    func testASupercellOfAMoleculeIsAFailedStructureNotACrash() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        let parsed = try sandbox.parse("""
            [campaign]
            name = "bulk"

            [[structures]]
            files = "water.xyz"
            supercell = "2x2x2"
            """)
        XCTAssertTrue(parsed.structures.isEmpty)
        XCTAssertEqual(parsed.invalidStructures.count, 1)
        XCTAssertTrue("\(parsed.invalidStructures[0].error)".contains("periodic in all three directions"),
                      "\(parsed.invalidStructures[0].error)")
    }
}
