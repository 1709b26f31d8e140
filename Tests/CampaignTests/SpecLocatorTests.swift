import XCTest
@testable import Campaign

final class SpecLocatorTests: XCTestCase {
    private let text = """
        # comment
        [campaign]
        name = "x"

        [[structures]]
        name = "a"
        "quoted key" = 1
        note = \"\"\"
        fake = 1
        [[structures]]
        \"\"\"

        [[ structures ]]  # second
        files.glob = "y"

        [[reactions]]
        name = "r"
        [reactions.normalize]
        per = "u"
        """

    func testHeadersAndKeys() {
        let locator = SpecLocator(text: text)
        XCTAssertEqual(locator.header(.init("campaign")), 2)
        XCTAssertEqual(locator.header(.init("structures", index: 0)), 5)
        XCTAssertEqual(locator.header(.init("structures", index: 1)), 13)
        XCTAssertNil(locator.header(.init("structures", index: 2)))
        XCTAssertEqual(locator.line(of: "name", in: .init("campaign")), 3)
        XCTAssertEqual(locator.line(of: "quoted key", in: .init("structures")), 7)
        XCTAssertEqual(locator.line(of: "fake", in: .init("structures")), 5, "inside a multi-line string")
        XCTAssertEqual(locator.line(of: "files", in: .init("structures", index: 1)), 14)
        XCTAssertEqual(locator.line(of: "missing", in: .init("structures", index: 1)), 13)
        XCTAssertEqual(locator.line(of: "normalize", in: .init("reactions")), 18)
        XCTAssertEqual(locator.line(of: "per", in: .init("reactions.normalize")), 19)
        XCTAssertEqual(locator.line(of: "name", in: .init("defaults")), 1)
    }

    func testSuggestions() {
        XCTAssertEqual(KeySuggestion.closest(to: "chrage", among: SpecKeys.structure), "charge")
        XCTAssertEqual(KeySuggestion.closest(to: "max_iter", among: SpecKeys.structure), "max_iterations")
        XCTAssertEqual(KeySuggestion.closest(to: "Solvent", among: SpecKeys.structure), "solvent")
        XCTAssertNil(KeySuggestion.closest(to: "colour", among: SpecKeys.structure))
    }
}
