#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Structures

/// Expands the glob patterns of a structure entry's `files` (`*`, `?`, `[…]`; no `**`).
enum FilePatterns {
    /// True when `pattern` contains a glob character.
    static func isGlob(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Regular files matching `pattern` (relative to the absolute folder `base`, whose own glob
    /// characters are taken literally) whose names are a structure format (other files and
    /// directories are skipped), standardised and sorted by path in code-point order.
    static func expand(_ pattern: String, in base: String) -> [String] {
        let full = pattern.hasPrefix("/") ? pattern : escaped(base) + "/" + pattern
        return matches(full).map { ($0 as NSString).standardizingPath }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// `path` with `*`, `?`, `[` and `\` escaped for glob(3).
    static func escaped(_ path: String) -> String {
        var result = ""
        for c in path {
            if c == "*" || c == "?" || c == "[" || c == "\\" { result.append("\\") }
            result.append(c)
        }
        return result
    }

    private static func matches(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, GLOB_MARK, nil, &matches) == 0 else { return [] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { i in matches.gl_pathv[i].map { String(cString: $0) } }
        return paths.filter { !$0.hasSuffix("/") && StructureFile.format(of: $0) != nil }
    }
}
