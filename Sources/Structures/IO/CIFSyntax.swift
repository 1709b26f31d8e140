/// One CIF value with the line it came from.
struct CIFToken: Sendable {
    var text: String
    var line: Int
    /// Quoted strings and text fields are never tags or reserved words.
    var isQuoted = false

    /// An unquoted token that starts a tag, a loop or a block.
    var isStructural: Bool {
        guard !isQuoted else { return false }
        let lower = text.lowercased()
        return lower.hasPrefix("_") || lower == "loop_" || lower.hasPrefix("data_")
            || lower.hasPrefix("save_") || lower == "global_" || lower == "stop_"
    }
}

/// A `loop_`: column tags (lower-case) and rows of values.
struct CIFLoop: Sendable {
    var tags: [String]
    var rows: [[CIFToken]]
    var line: Int

    /// Column index of `tag` (lower-case), nil when absent.
    func column(_ tag: String) -> Int? { tags.firstIndex(of: tag) }
}

/// A `data_` block: single items by lower-case tag, and loops.
struct CIFBlock: Sendable {
    var name: String
    var line: Int
    var items: [String: CIFToken] = [:]
    var loops: [CIFLoop] = []

    /// The first loop that has column `tag`.
    func loop(with tag: String) -> CIFLoop? { loops.first { $0.column(tag) != nil } }
}

/// CIF 1.1 syntax: comments, quoted strings, `;` text fields, items, loops, data blocks.
enum CIFSyntax {
    /// The data blocks of `text`, in order (items before any `data_` go to a block named "").
    static func blocks(_ text: String, file: String) throws -> [CIFBlock] {
        var tokens = try tokenize(text, file: file)[...]
        var blocks: [CIFBlock] = []
        var current = CIFBlock(name: "", line: 1)
        var started = false
        while let token = tokens.popFirst() {
            let lower = token.isQuoted ? "" : token.text.lowercased()
            if lower.hasPrefix("data_") {
                if started { blocks.append(current) }
                current = CIFBlock(name: String(token.text.dropFirst(5)), line: token.line)
                started = true
            } else if lower == "loop_" {
                current.loops.append(try loop(&tokens, start: token.line, file: file))
                started = true
            } else if lower.hasPrefix("_") {
                guard let value = tokens.first, !value.isStructural else {
                    throw StructureError(.syntax, file: file, line: token.line, "tag \(token.text) has no value")
                }
                current.items[lower] = tokens.removeFirst()
                started = true
            } else if !(lower.hasPrefix("save_") || lower == "global_" || lower == "stop_") {
                throw StructureError(.syntax, file: file, line: token.line,
                                     "unexpected value '\(token.text)' outside an item or loop")
            }
        }
        if started { blocks.append(current) }
        return blocks
    }

    /// The tags and values of a loop whose `loop_` keyword was on line `start`.
    static func loop(_ tokens: inout ArraySlice<CIFToken>, start: Int, file: String) throws -> CIFLoop {
        var tags: [String] = []
        while let t = tokens.first, !t.isQuoted, t.text.hasPrefix("_") { tags.append(t.text.lowercased()); tokens.removeFirst() }
        var values: [CIFToken] = []
        while let t = tokens.first, !t.isStructural { values.append(t); tokens.removeFirst() }
        guard !tags.isEmpty, values.count % tags.count == 0 else {
            throw StructureError(.syntax, file: file, line: start,
                                 "loop has \(values.count) values for \(tags.count) columns (not a whole number of rows)")
        }
        let rows = stride(from: 0, to: values.count, by: tags.count).map { Array(values[$0..<$0 + tags.count]) }
        return CIFLoop(tags: tags, rows: rows, line: start)
    }

    /// Tokens with line numbers; `#` comments dropped.
    static func tokenize(_ text: String, file: String) throws -> [CIFToken] {
        let lines = splitLines(text)
        var tokens: [CIFToken] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix(";") {
                let (token, next) = try textField(lines, at: index, file: file)
                tokens.append(token)
                index = next
                continue
            }
            tokens += try lineTokens(Array(line), line: index + 1, file: file)
            index += 1
        }
        return tokens
    }

    /// A `;` text field starting at line `start`; returns the token and the line after it.
    static func textField(_ lines: [Substring], at start: Int, file: String) throws -> (CIFToken, Int) {
        var content = [String(lines[start].dropFirst())]
        var index = start + 1
        while index < lines.count, !lines[index].hasPrefix(";") {
            content.append(String(lines[index]))
            index += 1
        }
        guard index < lines.count else {
            throw StructureError(.syntax, file: file, line: start + 1, "text field opened with ';' is never closed")
        }
        let token = CIFToken(text: content.joined(separator: "\n").trimmingWhitespace(), line: start + 1, isQuoted: true)
        return (token, index + 1)
    }

    /// Whitespace-separated tokens of one line; quotes end only before whitespace or line end.
    static func lineTokens(_ chars: [Character], line: Int, file: String) throws -> [CIFToken] {
        var tokens: [CIFToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "#" { break }
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < chars.count, !(chars[j] == c && (j + 1 == chars.count || chars[j + 1].isWhitespace)) { j += 1 }
                guard j < chars.count else {
                    throw StructureError(.syntax, file: file, line: line, "unterminated quoted string")
                }
                tokens.append(CIFToken(text: String(chars[(i + 1)..<j]), line: line, isQuoted: true))
                i = j + 1
                continue
            }
            var j = i
            while j < chars.count, !chars[j].isWhitespace { j += 1 }
            tokens.append(CIFToken(text: String(chars[i..<j]), line: line))
            i = j
        }
        return tokens
    }
}
