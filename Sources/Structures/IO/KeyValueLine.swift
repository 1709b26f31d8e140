import Foundation

/// The `key=value` pairs of an extended-XYZ comment line (ASE's conventions).
///
/// Values may be quoted with `"` or `'` (backslash escapes `\"` and `\\`) or bracketed with
/// `{…}`/`[…]`; spaces around `=` are allowed; a bare word is a flag with value "T".
enum KeyValueLine {
    /// Ordered pairs, quotes removed.
    static func parse(_ line: Substring) -> [(key: String, value: String)] {
        var scanner = Scanner(Array(line))
        var pairs: [(key: String, value: String)] = []
        while true {
            scanner.skipSpaces()
            guard !scanner.atEnd else { return pairs }
            let key = scanner.word(stoppingAt: "=")
            scanner.skipSpaces()
            if scanner.peek == "=" {
                scanner.advance()
                scanner.skipSpaces()
                pairs.append((key, scanner.value()))
            } else {
                pairs.append((key, "T"))
            }
        }
    }

    /// `value` quoted for a comment line when it holds spaces, quotes, `=` or nothing.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0.isWhitespace || "\"'=\\".contains($0) }
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    /// Character cursor over one line.
    private struct Scanner {
        let chars: [Character]
        var index = 0
        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { index >= chars.count }
        var peek: Character? { atEnd ? nil : chars[index] }
        mutating func advance() { index += 1 }
        mutating func skipSpaces() { while let c = peek, c.isWhitespace { advance() } }

        /// Characters up to whitespace or `stop`; a quoted word is unquoted.
        mutating func word(stoppingAt stop: Character? = nil) -> String {
            if let c = peek, c == "\"" || c == "'" { return quotedText() }
            var text = ""
            while let c = peek, !c.isWhitespace, c != stop { text.append(c); advance() }
            return text
        }

        /// A value: quoted, bracketed, or a plain word.
        mutating func value() -> String {
            guard let c = peek else { return "" }
            if c == "{" || c == "[" { return bracketed(close: c == "{" ? "}" : "]") }
            return word()
        }

        mutating func quotedText() -> String {
            let quote = chars[index]
            advance()
            var text = ""
            while let c = peek, c != quote {
                if c == "\\", index + 1 < chars.count { advance() }
                text.append(chars[index])
                advance()
            }
            advance()
            return text
        }

        mutating func bracketed(close: Character) -> String {
            var text = ""
            while let c = peek {
                text.append(c)
                advance()
                if c == close { break }
            }
            return text
        }
    }
}
