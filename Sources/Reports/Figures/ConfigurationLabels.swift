/// Short, distinct labels for a verdict's configurations ("α pb2x5 im1"): the phase as a letter and
/// the parts of the reaction name that tell the configurations apart (site, ligand, orientation,
/// exchange count); the words every name shares, and the fragment naming the phase, are dropped.
/// The full names go in a table beside the figure.
enum ConfigurationLabels {
    static let letters = ["alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ"]

    /// Reaction name → label, for rows given with their phase.
    static func make(_ rows: [(name: String, phase: String)]) -> [String: String] {
        let tokens = rows.map { Self.tokens($0.name) }
        let shared = rows.count > 1 ? tokens.dropFirst().reduce(Set(tokens[0])) { $0.intersection($1) } : []
        var out: [String: String] = [:]
        var used: [String: Int] = [:]
        for (row, words) in zip(rows, tokens) {
            let phase = row.phase.lowercased()
            let kept = words.filter { !shared.contains($0) && !$0.lowercased().contains(phase) }
            var label = ([letters[phase] ?? row.phase] + kept).joined(separator: " ")
            used[label, default: 0] += 1
            if used[label]! > 1 { label += " #\(used[label]!)" }
            out[row.name] = label
        }
        return out
    }

    /// Words of a name split at spaces and underscores.
    static func tokens(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == " " || $0 == "_" }).map(String.init)
    }
}
