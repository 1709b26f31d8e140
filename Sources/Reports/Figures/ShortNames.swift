/// Configuration names without the words every name shares
/// ("interface alpha frozen pb8_im1_o0" → "alpha pb8_im1_o0").
enum ShortNames {
    static func strip(_ names: [String]) -> [String: String] {
        let words = names.map { $0.split(separator: " ").map(String.init) }
        guard let first = words.first, words.count > 1 else {
            return Dictionary(names.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let shared = Set(first.filter { word in words.allSatisfy { $0.contains(word) } })
        var out: [String: String] = [:]
        for (name, parts) in zip(names, words) {
            let kept = parts.filter { !shared.contains($0) }.joined(separator: " ")
            out[name] = kept.isEmpty ? name : kept
        }
        return out
    }
}
