/// Finds a table header whose name does not start like a key (`[~a]`, `[.a]`, `[é]`, `[` at a
/// line end), which the bundled toml++ does not reject but asserts on: a debug build aborts, a
/// release build runs into undefined behaviour. Checked before the text reaches TOMLKit.
///
/// A small lexer skips comments, strings and multi-line arrays / inline tables, so only real
/// headers (a `[` first on a line, outside any value) are looked at.
enum TableHeaderGuard {
    /// Line (1-based), column (1-based) and character (escaped) of the first such header, nil when none.
    static func firstBadHeader(_ text: String) -> (line: Int, column: Int, found: String)? {
        var lexer = Lexer(Array(text.unicodeScalars))
        while let (open, lineStart) = lexer.nextHeaderStart() {
            let chars = lexer.chars
            let skipBlanks = { (j: Int) in chars[j...].firstIndex { $0 != " " && $0 != "\t" } ?? chars.count }
            var i = skipBlanks(open + 1)
            if i < chars.count, chars[i] == "[" {
                guard i == open + 1 else { continue } // "[ [": toml++ rejects the spaced brackets itself
                i = skipBlanks(i + 1)
            }
            guard i < chars.count, !startsKey(chars[i]) else { continue }
            return (lexer.line, i - lineStart + 1, chars[i].escaped(asASCII: false))
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
        /// Open `[` / `{` of values.
        var depth = 0
        var atLineStart = true
        var lineStart = 0

        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        /// The index of the next `[` that opens a table header and where its line starts.
        mutating func nextHeaderStart() -> (Int, Int)? {
            while i < chars.count {
                let c = chars[i]
                switch c {
                case "\n": i += 1; line += 1; atLineStart = true; lineStart = i
                case " ", "\t", "\r", "\u{FEFF}": i += 1
                case "#": while i < chars.count, chars[i] != "\n" { i += 1 }
                case "\"", "'": skipString(quote: c); atLineStart = false
                case "[" where atLineStart && depth == 0:
                    let start = i
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                    return (start, lineStart)
                case "[", "{": depth += 1; i += 1; atLineStart = false
                case "]", "}": depth = max(0, depth - 1); i += 1; atLineStart = false
                default: i += 1; atLineStart = false
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
