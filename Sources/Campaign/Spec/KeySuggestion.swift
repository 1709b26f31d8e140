/// "Did you mean …?" for a misspelt key or value: the closest known word by edit distance
/// (optimal string alignment, so a swapped pair of letters counts once), or a known word the
/// input is a prefix of ("max_iter" → "max_iterations").
enum KeySuggestion {
    /// The best candidate within reach, nil when none is close.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let input = word.lowercased()
        guard !input.isEmpty else { return nil }
        let reach = input.count <= 2 ? 0 : input.count <= 4 ? 1 : 2
        let scored = candidates.map { ($0, distance(input, $0.lowercased())) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= reach { return best.0 }
        if input.count >= 3, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(input) }) {
            return prefixed
        }
        return nil
    }

    /// " (did you mean `x`?)" or "".
    static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        guard !s.isEmpty else { return t.count }
        guard !t.isEmpty else { return s.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }
}
