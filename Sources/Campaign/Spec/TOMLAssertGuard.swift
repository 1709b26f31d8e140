/// Finds what the bundled toml++ does not reject but asserts on (a debug build aborts, a build
/// with NDEBUG runs into undefined behaviour): a table header whose name does not start like a
/// key (`[~a]`, `[.a]`, `[é]`, `[` at a line end), and `}` where an array expects an element
/// (`a = [}]`, `a = [1, }]`). Checked before the text reaches TOMLKit.
///
/// A small lexer skips comments, strings and multi-line arrays / inline tables, so only real
/// headers (a `[` first on a line, outside any value) are looked at.
enum TOMLAssertGuard {
    /// Line (1-based), column (1-based) and description of the first such place, nil when none.
    static func firstProblem(_ text: String) -> (line: Int, column: Int, message: String)? {
        var lexer = Lexer(Array(text.unicodeScalars))
        while let (open, lineStart) = lexer.nextHeaderStart() {
            if lexer.braceInArray { return (lexer.line, open - lineStart + 1, "expected a value in the array, not '}'") }
            let chars = lexer.chars
            let skipBlanks = { (j: Int) in chars[j...].firstIndex { $0 != " " && $0 != "\t" } ?? chars.count }
            var i = skipBlanks(open + 1)
            if i < chars.count, chars[i] == "[" {
                guard i == open + 1 else { continue } // "[ [": toml++ rejects the spaced brackets itself
                i = skipBlanks(i + 1)
            }
            guard i < chars.count, !startsKey(chars[i]) else { continue }
            return (lexer.line, i - lineStart + 1,
                    "a table name must start with a letter, digit, _, - or a quote, not '\(chars[i].escaped(asASCII: false))'")
        }
        return nil
    }

    /// What toml++ accepts first in a header: a bare-key character, a quote, or `]` (its own error).
    static func startsKey(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "_-\"']".unicodeScalars.contains(c))
    }

    /// Walks the text statement by statement.
    struct Lexer {
        let chars: [Unicode.Scalar]
        var i = 0
        var line = 1
        /// Open `[` / `{` of values, innermost last.
        var open: [Unicode.Scalar] = []
        /// True right after an array's `[` or `,`, where toml++ expects an element.
        var elementNext = false
        /// Set when `nextHeaderStart` stopped at a `}` where an array element was expected.
        var braceInArray = false
        var atLineStart = true
        var lineStart = 0

        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        /// The index of the next `[` that opens a table header (or of a `}` where an array element
        /// belongs, with `braceInArray` set) and where its line starts.
        mutating func nextHeaderStart() -> (Int, Int)? {
            while i < chars.count {
                let c = chars[i]
                switch c {
                case "\n": i += 1; line += 1; atLineStart = true; lineStart = i
                case " ", "\t", "\r", "\u{FEFF}": i += 1
                case "#": while i < chars.count, chars[i] != "\n" { i += 1 }
                case "\"", "'": skipString(quote: c); atLineStart = false; elementNext = false
                case "[" where atLineStart && open.isEmpty:
                    let start = i
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                    return (start, lineStart)
                case "}" where open.last == "[" && elementNext:
                    braceInArray = true
                    return (i, lineStart)
                case "[", "{": open.append(c); elementNext = c == "["; i += 1; atLineStart = false
                case "]", "}": _ = open.popLast(); elementNext = false; i += 1; atLineStart = false
                case ",": elementNext = open.last == "["; i += 1; atLineStart = false
                default: i += 1; atLineStart = false; elementNext = false
                }
            }
            return nil
        }

        /// Past a basic or literal string, single-line or triple-quoted (counting its lines).
        mutating func skipString(quote: Unicode.Scalar) {
            let triple = i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
            i += triple ? 3 : 1
            while i < chars.count {
                let c = chars[i]
                if c == "\\", quote == "\"" { i += 2; continue }
                if c == "\n" {
                    if !triple { return }
                    line += 1
                    lineStart = i + 1
                }
                if c == quote, !triple || (i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote) {
                    i += triple ? 3 : 1
                    return
                }
                i += 1
            }
        }
    }
}
