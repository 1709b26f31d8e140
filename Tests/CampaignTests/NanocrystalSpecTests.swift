import Foundation
import Models
import Structures
import XCTest
@testable import Campaign

/// `nanocrystal = "AxBxC"` in a [[structures]] table: the structure computed is that molecular block
/// of the file's cell, its formula units come from the block, and the plan carries how it was cut.
final class NanocrystalSpecTests: XCTestCase {
    static func sandbox() throws -> SpecSandbox {
        let sandbox = try SpecSandbox()
        try sandbox.write("cells/alpha.extxyz", SupercellSpecTests.cubic)
        return sandbox
    }

    func testTheBlockReplacesTheCellAndSetsItsFormulaUnits() throws {
        let sandbox = try Self.sandbox()
        let parsed = try sandbox.parse("""
            [campaign]
            name = "nc"

            [[structures]]
            name = "alpha_nc2"
            files = "cells/alpha.extxyz"
            nanocrystal = "2x2x2"

            [[structures]]
            name = "alpha_nc3"
            files = "cells/alpha.extxyz"
            nanocrystal = "3x3x3"
            formula_units = 27
            """)
        let cell = try StructureFile.read(path: (sandbox.directory as NSString).appendingPathComponent("cells/alpha.extxyz"))
        let block = try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(2, 2, 2))
        let entry = parsed.structures[0]
        XCTAssertEqual(entry.structure.count, 40)
        XCTAssertNil(entry.structure.lattice)
        XCTAssertEqual(entry.structure.contentHash, block.structure.contentHash)
        XCTAssertEqual(entry.formulaUnits, 8)
        XCTAssertEqual(entry.nanocrystal?.label, "2x2x2")
        XCTAssertEqual(parsed.structures[1].formulaUnits, 27)
        let plan = CampaignPlan(spec: parsed)
        XCTAssertEqual(plan.nanocrystals["alpha_nc2"]?.block.origin, block.origin)
        XCTAssertEqual(plan.nanocrystals["alpha_nc2"]?.file, entry.file)
    }

    func testABadLabelIsRejectedAtItsLineWithTheExpectedForm() throws {
        for label in ["4x4", "0x1x1"] {
            let problems = try Self.sandbox().problems("""
                [campaign]
                name = "nc"

                [[structures]]
                files = "cells/alpha.extxyz"
                nanocrystal = "\(label)"
                """)
            XCTAssertEqual(problems.map(\.line), [6], "\(problems)")
            XCTAssertTrue(problems[0].message.contains("\"\(label)\" is not a block of cells"), "\(problems)")
            XCTAssertTrue(problems[0].message.contains("\"4x4x4\""), "\(problems)")
        }
    }

    func testNanocrystalWithSupercellIsRejectedAtItsLine() throws {
        let problems = try Self.sandbox().problems("""
            [campaign]
            name = "nc"

            [[structures]]
            files = "cells/alpha.extxyz"
            supercell = "2x2x2"
            nanocrystal = "2x2x2"
            """)
        XCTAssertEqual(problems.map(\.line), [7], "\(problems)")
        XCTAssertTrue(problems[0].message.contains("`nanocrystal` and `supercell` cannot be used together"), "\(problems)")
    }

    func testFormulaUnitsOtherThanTheBlocksAreRejectedAtTheirLine() throws {
        let problems = try Self.sandbox().problems("""
            [campaign]
            name = "nc"

            [[structures]]
            files = "cells/alpha.extxyz"
            nanocrystal = "2x2x2"
            formula_units = 4
            """)
        XCTAssertEqual(problems.map(\.line), [7], "\(problems)")
        XCTAssertTrue(problems[0].message.contains("`formula_units` = 4"), "\(problems)")
        XCTAssertTrue(problems[0].message.contains("holds 8 formula units"), "\(problems)")
    }

    func testANanocrystalOfAMoleculeIsAFailedStructure() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        let parsed = try sandbox.parse("""
            [campaign]
            name = "nc"

            [[structures]]
            files = "water.xyz"
            nanocrystal = "2x2x2"
            """)
        XCTAssertTrue(parsed.structures.isEmpty)
        XCTAssertEqual(parsed.invalidStructures.count, 1)
        XCTAssertTrue("\(parsed.invalidStructures[0].error)".contains("periodic in all three directions"),
                      "\(parsed.invalidStructures[0].error)")
    }
}
