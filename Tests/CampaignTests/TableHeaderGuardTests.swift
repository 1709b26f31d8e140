import Foundation
import XCTest
@testable import Campaign

/// A table header whose name starts with a character toml++ does not expect (found by fuzzing:
/// `[~defaults]`) made the bundled toml++ assert, aborting the process; now a syntax error.
final class TableHeaderGuardTests: XCTestCase {
    /// The fuzz input itself (Fixtures/fuzz/table-header-tilde.toml): rejected with the line.
    func testFuzzFindingIsASyntaxError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/table-header-tilde.toml")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        XCTAssertThrowsError(try JobSpecParser.parse(text: text, path: "/tmp/spec.toml")) { error in
            let problems = (error as? JobSpecError)?.problems ?? []
            XCTAssertEqual(problems.map(\.line), [5], "\(error)")
            XCTAssertEqual(problems.first?.message,
                           "TOML syntax error (column 2): a table name must start with a letter, digit, _, - or a quote, not '~'")
        }
    }

    func testHeadersTomlPlusPlusAssertsOnAreFound() {
        let cases: [(String, Int, Int, String)] = [
            ("[~]", 1, 2, "~"), ("a = 1\n[[~a]]", 2, 3, "~"), ("[ ~a]", 1, 3, "~"), ("[.a]", 1, 2, "."),
            ("\n[é]", 2, 2, "é"), ("[\n", 1, 2, "\\n"), ("\u{FEFF}[[ +a]]", 1, 5, "+"),
        ]
        for (text, line, column, found) in cases {
            let bad = TableHeaderGuard.firstBadHeader(text)
            XCTAssertEqual(bad?.line, line, text)
            XCTAssertEqual(bad?.column, column, text)
            XCTAssertEqual(bad?.found, found, text)
        }
    }

    /// Brackets inside values, strings and comments are not headers; valid headers pass.
    func testValuesStringsAndValidHeadersAreLeftToTOMLKit() throws {
        let valid = """
            # [~comment]
            [campaign]
            x = [
              [ +1 ],
              [ { a = 1 } ],
            ]
            s = \"\"\"
            [~not a header]
            \"\"\"
            t = '''
            [.neither]'''
            [ "quoted" . name ]
            [[ 'array' ]]
            ["a\\"]"]
            """
        XCTAssertNil(TableHeaderGuard.firstBadHeader(valid))
    }
}
