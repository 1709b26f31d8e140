import Foundation

/// Reaction energies of one phase over sampled configurations (exchange sites, placements):
/// the lowest, the Boltzmann-weighted average and the spread.
public struct ConfigurationEnsemble: Sendable, Equatable {
    /// kJ/mol per configuration, with the name of the reaction that gave it.
    public var energies: [(name: String, kJMol: Double)]

    public init(energies: [(name: String, kJMol: Double)]) {
        self.energies = energies
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.energies.map(\.name) == b.energies.map(\.name) && a.energies.map(\.kJMol) == b.energies.map(\.kJMol)
    }

    public var isEmpty: Bool { energies.isEmpty }

    /// The most exothermic configuration.
    public var lowest: (name: String, kJMol: Double)? { energies.min { $0.kJMol < $1.kJMol } }

    /// Σ E·w / Σ w with w = exp(−(E − E_min)/RT): the configurations a system at `kelvin` visits.
    public func boltzmannAverage(kelvin: Double) -> Double? {
        guard let minimum = lowest?.kJMol else { return nil }
        let rt = Self.gasConstantKJ * max(kelvin, 1e-9)
        let weights = energies.map { exp(-($0.kJMol - minimum) / rt) }
        let total = weights.reduce(0, +)
        return zip(energies, weights).reduce(0) { $0 + $1.0.kJMol * $1.1 } / total
    }

    /// Highest minus lowest energy (0 for one configuration).
    public var range: Double {
        guard let lo = energies.map(\.kJMol).min(), let hi = energies.map(\.kJMol).max() else { return 0 }
        return hi - lo
    }

    /// Sample standard deviation (0 for fewer than two configurations).
    public var standardDeviation: Double {
        guard energies.count > 1 else { return 0 }
        let values = energies.map(\.kJMol)
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }

    /// Spread of a difference between two ensembles (ΔΔE): √(σ_a² + σ_b²); nil when either has a
    /// single configuration (one configuration is not a spread of 0).
    public static func differenceSpread(_ a: ConfigurationEnsemble, _ b: ConfigurationEnsemble) -> Double? {
        guard a.energies.count > 1, b.energies.count > 1 else { return nil }
        return (a.standardDeviation * a.standardDeviation + b.standardDeviation * b.standardDeviation).squareRoot()
    }

    /// R in kJ/(mol·K) (CODATA 2018).
    public static let gasConstantKJ = 8.314462618e-3
}
