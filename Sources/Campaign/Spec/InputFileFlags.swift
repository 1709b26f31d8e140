import Foundation
import Store

/// What a structure file's comment line says of how its geometry was made, as task flags: an
/// optimisation's `flags="…"` and `converged=F`, as `scripts/export-optimized` writes them. Every
/// task computing that geometry carries them, so a configuration flagged when it was relaxed stays
/// flagged (or excluded) in the campaign that uses the relaxed file.
enum InputFileFlags {
    static func read(_ info: [String: String]) -> [TaskFlag] {
        var flags: [TaskFlag] = []
        if let text = info["flags"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            flags.append(.inputFile(text))
        }
        let notConverged = TaskFlag.optimizationNotConverged.text
        if info["converged"] == "F", !(info["flags"] ?? "").contains(notConverged) {
            flags.append(.inputFile(notConverged))
        }
        return flags
    }
}
