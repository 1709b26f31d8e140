import Structures

/// Everything besides the structure that determines a calculation's result.
///
/// (structure content hash, settings hash, engine identity) is the identity of a calculation: the
/// store answers a repeated request from its cache only when all three match (docs/identity.md).
public struct Settings: Sendable, Codable, Hashable {
    /// Hamiltonian.
    public var method: Method
    /// xtb's numerical accuracy (`--acc`, 1.0 default; smaller is tighter).
    public var accuracy: Double
    /// Electronic temperature in K (`--etemp`, 300 default).
    public var electronicTemperature: Double
    /// Maximum SCC iterations (`--iterations`, 250 default).
    public var maxIterations: Int
    /// Implicit solvent name for GBSA/ALPB, nil for gas phase.
    public var solvent: String?
    /// Solvation model when `solvent` is set.
    public var solvationModel: SolvationModel

    /// Implicit solvation models offered by libxtb.
    public enum SolvationModel: String, Sendable, Codable, Hashable {
        case gbsa, alpb
    }

    public init(method: Method = .gfn2, accuracy: Double = 1.0, electronicTemperature: Double = 300,
                maxIterations: Int = 250, solvent: String? = nil, solvationModel: SolvationModel = .gbsa) {
        self.method = method
        self.accuracy = accuracy
        self.electronicTemperature = electronicTemperature
        self.maxIterations = maxIterations
        self.solvent = solvent
        self.solvationModel = solvationModel
    }

    /// The canonical text the settings hash is taken of (fixed key order, fixed number format).
    ///
    /// `solvationModel` only takes part when a solvent is set, so gas-phase settings hash alike.
    public var canonicalText: String {
        var lines = [
            "settings-v1",
            "method=\(method.rawValue)",
            "accuracy=\(CanonicalNumber.format(accuracy))",
            "etemp=\(CanonicalNumber.format(electronicTemperature))",
            "maxiter=\(maxIterations)",
        ]
        if let solvent {
            lines.append("solvent=\(solvationModel.rawValue):\(solvent.lowercased())")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 of `canonicalText`, hex.
    public var hash: String { SHA256.hex(of: canonicalText) }

    /// The settings that change the physics: everything but the SCC iteration limit (which only
    /// decides whether an answer is reached). Reactions require equal physics across species.
    public var physicsText: String {
        canonicalText.split(separator: "\n").filter { !$0.hasPrefix("maxiter=") }.joined(separator: "\n")
    }
}

/// Fixed number formatting for hashed texts: shortest round-trip decimal, "-0" folded to "0".
enum CanonicalNumber {
    static func format(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }
}
