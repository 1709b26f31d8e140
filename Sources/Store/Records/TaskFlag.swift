import Foundation

/// A mark a task's result carries: how it was reached (retries) and what to watch (a geometry that
/// did not converge, a structure that changed chemically). Stored in `tasks.flags` as a JSON array
/// of their texts, so no reader splits text.
public enum TaskFlag: Hashable, Sendable, Codable {
    /// The SCC converged only with more iterations (same physics).
    case sccRetryMoreIterations
    /// The SCC converged only at a raised electronic temperature (different physics).
    case electronicTemperatureRaised(kelvin: Int)
    /// The optimisation stopped before it converged (the lowest-energy geometry is kept).
    case optimizationNotConverged
    /// The topology guard found a proton moved or a fragment left: reactions using it are excluded.
    case topologyBroken(String)
    /// Metal coordination changed while optimising: flagged only.
    case metalBondsChanged(String)
    /// The input file says how its geometry was made: an optimisation that was flagged or did not
    /// converge (its comment line's `flags=` or `converged=F`, as `scripts/export-optimized` writes).
    case inputFile(String)
    /// A flag this version does not know (written by a newer one): kept as it was.
    case other(String)

    /// The stored text, e.g. "etemp_raised_to_1000K" or "topology_broken: a proton migrated".
    public var text: String {
        switch self {
        case .sccRetryMoreIterations: "scc_retry_more_iterations"
        case .electronicTemperatureRaised(let kelvin): "etemp_raised_to_\(kelvin)K"
        case .optimizationNotConverged: "optimization_not_converged"
        case .topologyBroken(let detail): "topology_broken: \(detail)"
        case .metalBondsChanged(let detail): "metal_bonds_changed: \(detail)"
        case .inputFile(let detail): "input_file: \(detail)"
        case .other(let text): text
        }
    }

    /// The flag a stored text names.
    public init(text: String) {
        func detail(_ prefix: String) -> String? {
            text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
        }
        if text == "scc_retry_more_iterations" {
            self = .sccRetryMoreIterations
        } else if text == "optimization_not_converged" {
            self = .optimizationNotConverged
        } else if let value = detail("etemp_raised_to_"), value.hasSuffix("K"), let kelvin = Int(value.dropLast()) {
            self = .electronicTemperatureRaised(kelvin: kelvin)
        } else if let value = detail("topology_broken: ") {
            self = .topologyBroken(value)
        } else if let value = detail("metal_bonds_changed: ") {
            self = .metalBondsChanged(value)
        } else if let value = detail("input_file: ") {
            self = .inputFile(value)
        } else {
            self = .other(text)
        }
    }

    /// True for a flag that takes the result out of every reaction: the topology guard's, found
    /// now or named by the input file (a geometry its own run left out stays out).
    public var excludesFromReactions: Bool {
        switch self {
        case .topologyBroken: true
        case .inputFile(let detail): detail.contains("topology_broken")
        default: false
        }
    }

    /// True for a flag that says the geometry is not the clean one intended: a changed metal
    /// coordination, a broken topology, an optimisation that did not converge, now or in the run
    /// that made the input file. (SCC retries and a raised electronic temperature are not.)
    public var marksGeometry: Bool {
        switch self {
        case .topologyBroken, .metalBondsChanged, .optimizationNotConverged: true
        case .inputFile(let detail):
            ["topology_broken", "metal_bonds_changed", "optimization_not_converged"].contains { detail.contains($0) }
        default: false
        }
    }

    public init(from decoder: Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Array where Element == TaskFlag {
    /// The JSON array stored in `tasks.flags`, nil when there is no flag.
    var storedText: String? {
        guard !isEmpty, let data = try? JSONEncoder().encode(self) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The flags of a stored JSON array (nil or empty: none).
    init(storedText: String?) throws {
        guard let storedText, !storedText.isEmpty else {
            self = []
            return
        }
        self = try JSONDecoder().decode([TaskFlag].self, from: Data(storedText.utf8))
    }
}
