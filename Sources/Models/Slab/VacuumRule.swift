import Foundation

/// How `SurfaceStudy` tests the vacuum: γ of the final slab size is recomputed at growing vacuum,
/// each time from the slope over thickness at that same vacuum, until three consecutive γ agree.
///
/// Why the slope at each vacuum (bench/pbc, docs/surfaces.md "Vacuum"): with tblite 0.8.0 and the
/// xtb 6.5.1 binary alike, the total energy of a NaCl (001) slab keeps moving with the vacuum
/// (by ~0.1 J/m² as γ between 50 and 80 Å), but the motion is almost proportional to the number of
/// bulk units, so μ from the slope between two thicknesses at the same vacuum absorbs it and γ
/// levels off. A bulk reference computed separately cannot absorb it.
public struct VacuumRule: Sendable, Equatable {
    /// Vacua (Å) tried after the base vacuum, in this order; empty: vacuum not tested.
    public var series: [Double]
    /// Consecutive γ within this (J/m²) count as converged in vacuum.
    public var threshold: Double

    public static let defaultSeries: [Double] = [40, 80]

    public init(series: [Double] = VacuumRule.defaultSeries, threshold: Double) {
        self.series = series
        self.threshold = threshold
    }

    /// The vacua to compute after `base`: those larger than it, ascending, without repeats.
    public func vacua(after base: Double) -> [Double] {
        Array(Set(series.filter { $0 > base + 1e-9 })).sorted()
    }

    /// Converged when the last three points all have γ and both changes between them are below the
    /// threshold. One small change is not enough: tblite's NaCl (001) γ moved by only 0.006 J/m²
    /// from 15 to 30 Å and by 0.03 per doubling beyond 40 Å (bench/pbc `slab_long`).
    public func isConverged(_ points: [SurfacePoint]) -> Bool {
        guard points.count >= 3 else { return false }
        let gammas = points.suffix(3).compactMap(\.surfaceEnergy)
        guard gammas.count == 3 else { return false }
        return abs(gammas[2] - gammas[1]) < threshold && abs(gammas[1] - gammas[0]) < threshold
    }
}

extension VacuumRule {
    /// Why a `--vacuum-series` text was refused.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// "40,80" → those vacua; "none" or "" → no vacuum test (nil).
    public static func parse(_ text: String, threshold: Double) throws -> VacuumRule? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" { return nil }
        let values = trimmed.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ParseError(description: "--vacuum-series must be positive numbers in Å such as 40,80, or none (got '\(text)')")
        }
        return VacuumRule(series: values.map { $0! }, threshold: threshold)
    }
}
