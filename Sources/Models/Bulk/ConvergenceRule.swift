import Structures

/// When a supercell series has converged: the energy per formula unit of two consecutive sizes
/// agrees to better than the threshold. The converged value is the larger supercell's.
///
/// Consecutive sizes of one series only: the series itself (`SupercellSeries`) keeps out sizes
/// that would agree or disagree by accident (odd cubic multiples that miss the band edges).
public struct ConvergenceRule: Sendable, Hashable, Codable {
    /// Largest change of the energy per formula unit between consecutive sizes, kJ/mol.
    public var thresholdKJPerMol: Double

    /// The default threshold, 0.5 kJ/mol per formula unit.
    public static let defaultThreshold = 0.5

    public init(thresholdKJPerMol: Double = ConvergenceRule.defaultThreshold) {
        self.thresholdKJPerMol = thresholdKJPerMol
    }

    /// Change between consecutive energies per formula unit (Eh), in kJ/mol; nil for the first.
    public static func changes(_ energiesPerUnit: [Double]) -> [Double?] {
        energiesPerUnit.indices.map { i in
            i == 0 ? nil : (energiesPerUnit[i] - energiesPerUnit[i - 1]) * Units.kJPerMolPerHartree
        }
    }

    /// The index of the first size that agrees with the one before it, nil if none does yet.
    public func convergedIndex(_ energiesPerUnit: [Double]) -> Int? {
        Self.changes(energiesPerUnit).firstIndex { change in change.map { abs($0) < thresholdKJPerMol } ?? false }
    }
}
