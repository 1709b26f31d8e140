#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Structures

/// Expands the glob patterns of a structure entry's `files` (`*`, `?`, `[…]`; no `**`).
enum FilePatterns {
    /// True when `pattern` contains a glob character.
    static func isGlob(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Regular files matching the absolute `pattern` whose names are a structure format (other
    /// files and directories are skipped), sorted by path in code-point order.
    static func expand(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, GLOB_MARK, nil, &matches) == 0 else { return [] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { i in matches.gl_pathv[i].map { String(cString: $0) } }
        return paths.filter { !$0.hasSuffix("/") && StructureFile.format(of: $0) != nil }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
