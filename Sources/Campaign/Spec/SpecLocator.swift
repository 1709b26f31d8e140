import Foundation

/// Finds the 1-based line of a table header or of a key inside a table by scanning a spec's raw
/// text (TOMLKit values carry no source positions).
///
/// Understands `[table]`, `[[array]]` (the k-th occurrence), sub-tables such as
/// `[reactions.normalize]` (attached to the latest `[[reactions]]`), `key = …`, quoted keys and
/// dotted keys (`normalize.per = …` is found as `normalize`); lines inside multi-line strings are
/// skipped. Anything it cannot place falls back to the enclosing header, then to line 1.
struct SpecLocator {
    /// A place in the spec: a table name ("" for the root) and, for arrays of tables, the element.
    struct TableRef: Hashable, Sendable {
        var name: String
        var index: Int

        init(_ name: String, index: Int = 0) {
            self.name = name
            self.index = index
        }

        static let root = TableRef("")
    }

    /// One header's extent: its name, element index, header line and the keys written under it.
    private struct Section {
        var ref: TableRef
        var line: Int
        var keys: [(key: String, line: Int)] = []
    }

    private var sections: [Section] = [Section(ref: .root, line: 1)]

    init(text: String) {
        var arrayCounts: [String: Int] = [:]
        var inMultiline = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let wasInMultiline = inMultiline
            if Self.multilineDelimiters(in: raw) % 2 == 1 { inMultiline.toggle() }
            if wasInMultiline { continue }
            if let header = SpecLine.header(raw) {
                if header.isArray { arrayCounts[header.name, default: 0] += 1 }
                let index = Self.elementIndex(of: header.name, counts: arrayCounts)
                sections.append(Section(ref: TableRef(header.name, index: index), line: line))
            } else if let key = SpecLine.key(raw) {
                sections[sections.count - 1].keys.append((key, line))
            }
        }
    }

    /// Line of the header `[name]`, or of the `index`-th `[[name]]`; nil when not written as a header.
    func header(_ ref: TableRef) -> Int? {
        sections.first { $0.ref == ref }?.line
    }

    /// Line of `key` in the table `ref`; falls back to the table's header (or the root key that
    /// defines the table inline), then to line 1.
    func line(of key: String, in ref: TableRef) -> Int {
        for section in sections where section.ref == ref {
            if let hit = section.keys.first(where: { $0.key == key }) { return hit.line }
        }
        let subtable = ref.name.isEmpty ? key : ref.name + "." + key
        if let line = header(TableRef(subtable, index: ref.index)) { return line }
        return line(of: ref)
    }

    /// Line where the table `ref` starts: its header, or the root key `name = { … }`, or 1.
    func line(of ref: TableRef) -> Int {
        if let line = header(ref) { return line }
        guard !ref.name.isEmpty else { return 1 }
        let first = String(ref.name.split(separator: ".")[0])
        return sections[0].keys.first { $0.key == first }?.line ?? 1
    }

    /// Element index a header belongs to: for `[[x]]` and `[x.y]` the latest `[[x]]` element.
    private static func elementIndex(of name: String, counts: [String: Int]) -> Int {
        var prefix = name
        while true {
            if let n = counts[prefix] { return n - 1 }
            guard let dot = prefix.lastIndex(of: ".") else { return 0 }
            prefix = String(prefix[..<dot])
        }
    }

    /// How many `"""` / `'''` delimiters a line holds (an odd count opens or closes a string).
    private static func multilineDelimiters(in line: Substring) -> Int {
        line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
    }
}
