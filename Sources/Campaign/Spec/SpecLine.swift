import Foundation

/// Recognises the two kinds of TOML line `SpecLocator` needs: a table header and a `key =` line.
enum SpecLine {
    /// `[a.b]` or `[[a]]` (spaces and quotes dropped from the name), nil for anything else.
    static func header(_ raw: Substring) -> (name: String, isArray: Bool)? {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard line.hasPrefix("[") else { return nil }
        let isArray = line.hasPrefix("[[")
        let open = isArray ? 2 : 1
        let close = isArray ? "]]" : "]"
        guard let end = line.range(of: close)?.lowerBound else { return nil }
        let inner = line[line.index(line.startIndex, offsetBy: open)..<end]
        let rest = line[line.index(end, offsetBy: close.count)...].drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.hasPrefix("#") else { return nil }
        guard !inner.isEmpty, inner.allSatisfy(isHeaderCharacter) else { return nil }
        let name = inner.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" }
        return name.isEmpty ? nil : (String(name), isArray)
    }

    /// The first segment of the key a `key = value` (or `key.sub = value`) line defines, else nil.
    static func key(_ raw: Substring) -> String? {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard let first = line.first else { return nil }
        let key: Substring
        let rest: Substring
        if first == "\"" || first == "'" {
            let body = line.dropFirst()
            guard let end = body.firstIndex(of: first) else { return nil }
            key = body[..<end]
            rest = body[body.index(after: end)...]
        } else {
            key = line.prefix(while: isBareKeyCharacter)
            rest = line.dropFirst(key.count)
        }
        let next = rest.drop { $0 == " " || $0 == "\t" }.first
        guard !key.isEmpty, next == "=" || next == "." else { return nil }
        return String(key)
    }

    private static func isBareKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    private static func isHeaderCharacter(_ c: Character) -> Bool {
        isBareKeyCharacter(c) || c == "." || c == " " || c == "\t" || c == "\"" || c == "'"
    }
}
