import Foundation
import Structures
import XCTest
@testable import Campaign

/// A structure whose file exists but cannot be computed is a failed task, not a spec error.
final class InvalidStructureTests: XCTestCase {
    private var sandbox: SpecSandbox!

    override func setUpWithError() throws {
        sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        try sandbox.write("francium.xyz", "2\ncharge=0 multiplicity=1\nFr 0 0 0\nI 0 0 3.2\n")
        try sandbox.write("garbage.xyz", "3\ncomment\nO 0 0\n")
        try sandbox.write("radical.xyz", "1\ncharge=0 multiplicity=1\nH 0 0 0\n")
    }

    private let spec = """
        [campaign]
        name = "mixed"

        [[structures]]
        name = "water"
        files = "water.xyz"

        [[structures]]
        name = "FrI"
        files = "francium.xyz"

        [[structures]]
        name = "garbage"
        files = "garbage.xyz"

        [[structures]]
        name = "radical"
        files = "radical.xyz"
        task = "opt+sp"

        [[reactions]]
        name = "uses an invalid structure"
        reactants = { FrI = 1 }
        products = { FrI = 1 }

        """

    func testInvalidStructuresAreSetAsideAndTheSpecParses() throws {
        let parsed = try sandbox.parse(spec)
        XCTAssertEqual(parsed.structures.map(\.name), ["water"])
        XCTAssertEqual(parsed.invalidStructures.map(\.name), ["FrI", "garbage", "radical"])
        XCTAssertEqual(parsed.invalidStructures.map(\.error.kind), [.unsupportedElement, .truncatedFile, .electronCount]
            .map { $0 }, "\(parsed.invalidStructures.map(\.error))")
        XCTAssertEqual(parsed.invalidStructures.map(\.line), [8, 12, 16])
        XCTAssertEqual(parsed.invalidStructures[0].error.message,
                       "Fr (Z=87) at atom 1 is not supported by GFN2-xTB (Z = 1–86)")
        XCTAssertTrue(parsed.invalidStructures[0].file.hasSuffix("/francium.xyz"))
        XCTAssertEqual(parsed.invalidStructures[2].method.recipe, .optimizeThenSinglePoint)
        XCTAssertEqual(parsed.reactions.map(\.name), ["uses an invalid structure"])
    }

    func testChargeOverrideIsAppliedBeforeValidation() throws {
        let fixed = spec.replacingOccurrences(of: "files = \"radical.xyz\"",
                                              with: "files = \"radical.xyz\"\nmultiplicity = 2")
        let parsed = try sandbox.parse(fixed)
        XCTAssertEqual(parsed.structures.map(\.name), ["water", "radical"])
        XCTAssertEqual(parsed.structures[1].structure.multiplicity, 2)
        XCTAssertEqual(parsed.structures[1].structure.name, "radical")
    }
}
