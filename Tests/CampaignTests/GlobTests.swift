import Foundation
import XCTest
@testable import Campaign

final class GlobTests: XCTestCase {
    func testGlobsExpandInSortedOrderWithPrefixedStems() throws {
        let sandbox = try SpecSandbox()
        for name in ["b", "a", "c10", "c2", "B"] { try sandbox.write("set/\(name).xyz", SpecSandbox.water) }
        try sandbox.write("set/notes.txt", "not a structure")
        let parsed = try sandbox.parse("""
            [campaign]
            name = "globs"

            [[structures]]
            files = "../set/*"
            prefix = "w-"
            formula_units = 2
            """, name: "jobs/globs.toml")
        XCTAssertEqual(parsed.structures.map(\.name), ["w-B", "w-a", "w-b", "w-c10", "w-c2"])
        XCTAssertTrue(parsed.structures.allSatisfy { $0.formulaUnits == 2 && $0.line == 4 })
        XCTAssertEqual(parsed.database, (sandbox.directory as NSString).appendingPathComponent("jobs/globs.sqlite"))
    }

    func testGlobsResolveAgainstTheSpecFolderAndArraysConcatenate() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("data/x1.xyz", SpecSandbox.water)
        try sandbox.write("data/x2.xyz", SpecSandbox.water)
        try sandbox.write("data/single.xyz", SpecSandbox.hydrogen)
        let parsed = try sandbox.parse("""
            [campaign]
            name = "arrays"

            [[structures]]
            files = ["../data/x?.xyz", "../data/single.xyz"]
            """, name: "jobs/arrays.toml")
        XCTAssertEqual(parsed.structures.map(\.name), ["x1", "x2", "single"])
    }

    func testGlobCharactersInTheSpecFolderAreTakenLiterally() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("odd [dir]*/m1.xyz", SpecSandbox.water)
        try sandbox.write("odd [dir]*/m2.xyz", SpecSandbox.water)
        let parsed = try sandbox.parse("""
            [campaign]
            name = "odd"

            [[structures]]
            files = "m*.xyz"
            """, name: "odd [dir]*/spec.toml")
        XCTAssertEqual(parsed.structures.map(\.name), ["m1", "m2"])
        XCTAssertEqual(parsed.structures[0].file, (sandbox.directory as NSString).appendingPathComponent("odd [dir]*/m1.xyz"))
    }
}
