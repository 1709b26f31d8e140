import Engine
import Foundation
import Structures
import XCTest
@testable import Campaign

final class ExampleSpecTests: XCTestCase {
    private func example() throws -> JobSpec {
        try JobSpecParser.parse(path: Repository.path("jobs/example.toml"))
    }

    func testCampaignAndDatabase() throws {
        let spec = try example()
        XCTAssertEqual(spec.name, "example")
        XCTAssertEqual(spec.database, Repository.path("jobs/example.sqlite"))
        XCTAssertEqual(spec.sourceFile, Repository.path("jobs/example.toml"))
        XCTAssertEqual(spec.sourceHash.count, 64)
        XCTAssertTrue(spec.invalidStructures.isEmpty)
    }

    func testStructuresInOrderWithGlobExpanded() throws {
        let spec = try example()
        XCTAssertEqual(spec.structures.map(\.name),
                       ["PbI2", "iodide", "PbI3-anion", "CsI", "Cs2PbI4", "Cs4PbI6", "HIm", "water"])
        let iodide = try XCTUnwrap(spec.structures.first { $0.name == "iodide" })
        XCTAssertEqual(iodide.structure.charge, -1)
        XCTAssertEqual(iodide.structure.atomicNumbers, [53])
        XCTAssertEqual(iodide.file, Repository.path("clusters/fragments/iodide.extxyz"))
        XCTAssertEqual(spec.structures.first { $0.name == "CsI" }?.formulaUnits, 1)
        XCTAssertNil(spec.structures.first { $0.name == "PbI2" }?.formulaUnits)
        let glob = spec.structures.filter { $0.name.hasPrefix("Cs") && $0.name != "CsI" }
        XCTAssertEqual(Set(glob.map(\.line)).count, 1, "both come from one [[structures]] table")
    }

    func testDefaultsAndOverridesMerged() throws {
        let spec = try example()
        XCTAssertEqual(spec.defaults, MethodChoice())
        let byName = Dictionary(uniqueKeysWithValues: spec.structures.map { ($0.name, $0.method) })
        XCTAssertEqual(byName["PbI2"], MethodChoice())
        XCTAssertEqual(byName["HIm"]?.recipe, .optimizeThenSinglePoint)
        XCTAssertEqual(byName["HIm"]?.optimizationLevel, .tight)
        XCTAssertNil(byName["HIm"]?.settings.solvent)
        XCTAssertEqual(byName["water"]?.recipe, .optimizeThenSinglePoint)
        XCTAssertEqual(byName["water"]?.optimizationLevel, .normal)
        XCTAssertEqual(byName["water"]?.settings.solvent, "water")
        XCTAssertEqual(byName["water"]?.settings.method, .gfn2)
    }

    func testReactions() throws {
        let spec = try example()
        XCTAssertEqual(spec.reactions.map(\.name),
                       ["iodide addition", "Cs2PbI4 from CsI and PbI2", "Cs4PbI6 from Cs2PbI4"])
        let addition = spec.reactions[0]
        XCTAssertEqual(addition.reactants.map(\.name).sorted(), ["PbI2", "iodide"])
        XCTAssertEqual(addition.products.map(\.name), ["PbI3-anion"])
        XCTAssertEqual(addition.products.map(\.coefficient), [1])
        XCTAssertNil(addition.normalization)
        XCTAssertEqual(spec.reactions[1].reactants.first { $0.name == "CsI" }?.coefficient, 2)
        XCTAssertEqual(spec.reactions[1].normalization, Normalization(unit: "PbI2", count: 1))
        XCTAssertEqual(spec.reactions[2].normalization, Normalization(unit: "CsI", count: 2))
    }

    func testLinesPointAtTheTables() throws {
        let spec = try example()
        let text = try String(contentsOfFile: Repository.path("jobs/example.toml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for entry in spec.structures { XCTAssertEqual(lines[entry.line - 1], "[[structures]]") }
        for reaction in spec.reactions { XCTAssertEqual(lines[reaction.line - 1], "[[reactions]]") }
    }
}
