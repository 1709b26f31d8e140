import Foundation
import XCTest
@testable import Campaign

/// Two inputs found by fuzzing made the bundled toml++ assert, aborting the process: a table
/// header whose name starts with a character it does not expect (`[~defaults]`) and `}` where an
/// array element belongs (`count = [\n[} 5v`). Both are syntax errors now.
final class TOMLAssertGuardTests: XCTestCase {
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
            let bad = TOMLAssertGuard.firstProblem(text)
            XCTAssertEqual(bad?.line, line, text)
            XCTAssertEqual(bad?.column, column, text)
            XCTAssertEqual(bad?.message, "a table name must start with a letter, digit, _, - or a quote, not '\(found)'", text)
        }
    }

    /// The second fuzz input (Fixtures/fuzz/array-closing-brace.toml), and the shapes it reduces to.
    func testBraceWhereAnArrayElementBelongsIsASyntaxError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/array-closing-brace.toml")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        XCTAssertThrowsError(try JobSpecParser.parse(text: text, path: "/tmp/spec.toml")) { error in
            let problems = (error as? JobSpecError)?.problems ?? []
            XCTAssertEqual(problems.map(\.line), [21], "\(error)")
            XCTAssertEqual(problems.first?.message, "TOML syntax error (column 2): expected a value in the array, not '}'")
        }
        let cases: [(String, Int, Int)] = [("a = [}]", 1, 6), ("a = [[}]]", 1, 7), ("a = [1, }]", 1, 9),
                                           ("a = [#c\n}]", 2, 1), ("a = { b = [}] }", 1, 12), ("a = [\n}", 2, 1)]
        for (text, line, column) in cases {
            let bad = TOMLAssertGuard.firstProblem(text)
            XCTAssertEqual(bad?.line, line, text)
            XCTAssertEqual(bad?.column, column, text)
            XCTAssertEqual(bad?.message, "expected a value in the array, not '}'", text)
        }
        XCTAssertNil(TOMLAssertGuard.firstProblem("a = [1, { b = [2, 3] }, {}]\nc = {}\nd = [ [], {} ]"))
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
        XCTAssertNil(TOMLAssertGuard.firstProblem(valid))
    }
}
