/// How a report names database rows: in captions ("reactions rows 1–6, 9") and in `data-row`
/// attributes ("reactions:1,2,3,4,5,6,9").
enum RowIDs {
    /// "<table> rows 1–6, 9" (ids sorted, runs of consecutive ids as ranges).
    static func text(_ table: String, _ ids: [Int64]) -> String {
        let sorted = Array(Set(ids)).sorted()
        guard !sorted.isEmpty else { return "no \(table) rows" }
        var parts: [String] = []
        var start = sorted[0], previous = sorted[0]
        for id in sorted.dropFirst() + [Int64.min] {
            if id == previous + 1 { previous = id; continue }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = id
            previous = id
        }
        return "\(table) row\(sorted.count == 1 ? "" : "s") \(parts.joined(separator: ", "))"
    }

    /// "<table>:id,id,…" for a mark's `data-row`.
    static func attribute(_ table: String, _ ids: [Int64]) -> String {
        "\(table):" + ids.map(String.init).joined(separator: ",")
    }
}
