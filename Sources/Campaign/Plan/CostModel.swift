import Engine
import Structures

/// Predicts a task's run time, for longest-first dispatch, ETAs, deadlines and estimates.
///
/// First from size: seconds ∝ (basis functions)^2.5, with a per-method factor, and an
/// optimisation counted as ~2·N gradient evaluations. Then from history (`calibrated`): once
/// tasks of a kind have run, seconds = c · model^γ per kind, with γ fitted to the measured times
/// when they span a wide enough range of sizes (SCC iterations grow with cluster size, so real
/// times rise faster than the model), and c the median ratio measured / model^γ.
public struct CostModel: Sendable {
    /// c per task kind; 1 until calibrated.
    public var scale: [String: Double] = [:]
    /// γ per task kind, where history fitted one; 1 otherwise.
    public var exponent: [String: Double] = [:]

    /// Fewest finished tasks of a kind, and the smallest spread of their model seconds (largest /
    /// smallest), from which an exponent is fitted; below either, γ = 1 (a plain scale).
    static let minimumFitSamples = 8
    static let minimumFitSpread = 4.0
    /// Fitted exponents are kept within this range.
    static let exponentRange = 0.5...2.0

    public init() {}

    /// Model seconds for a task of `kind` on `structure` with `method`; an optimisation capped at
    /// `maxCycles` counts no more gradients than the cap allows.
    public func predict(kind: String, structure: Structure, method: Method, maxCycles: Int? = nil) -> Double {
        let base = Self.singlePointSeconds(structure, method: method)
        let factor = kind == PlannedTask.Kind.optimization.rawValue
            ? Self.optimizationGradients(atoms: structure.count, maxCycles: maxCycles) : 1
        return seconds(kind: kind, model: base * factor)
    }

    /// Gradient evaluations an optimisation is expected to take: ~2·N, or the cap when it is lower.
    static func optimizationGradients(atoms: Int, maxCycles: Int?) -> Double {
        let typical = 2.0 * Double(max(atoms, 5))
        return maxCycles.map { min(typical, Double(max($0, 1))) } ?? typical
    }

    /// Calibrated seconds of a task of `kind` whose uncalibrated model prediction is `model`.
    public func seconds(kind: String, model: Double) -> Double {
        let gamma = exponent[kind] ?? 1
        return (scale[kind] ?? 1) * (gamma == 1 ? model : pow(model, gamma))
    }

    /// A copy calibrated to history: `samples` are (kind, predicted by the uncalibrated model, measured).
    public func calibrated(with samples: [(kind: String, predicted: Double, measured: Double)]) -> CostModel {
        var model = self
        for (kind, group) in Dictionary(grouping: samples, by: \.kind) {
            let valid = group.filter { $0.predicted > 0 && $0.measured > 0 }.map { (x: $0.predicted, y: $0.measured) }
            guard !valid.isEmpty else { continue }
            let gamma = Self.fittedExponent(valid) ?? 1
            model.scale[kind] = Self.median(valid.map { $0.y / pow($0.x, gamma) })
            model.exponent[kind] = gamma == 1 ? nil : gamma
        }
        return model
    }

    /// γ of measured ≈ c · model^γ: the Theil–Sen slope in log–log (the median of the slopes of
    /// all pairs, robust to the few tasks an SCC retry made several times longer); nil when the
    /// samples are too few or too alike in size to tell.
    static func fittedExponent(_ samples: [(x: Double, y: Double)]) -> Double? {
        guard samples.count >= minimumFitSamples,
              let low = samples.map(\.x).min(), let high = samples.map(\.x).max(), high / low >= minimumFitSpread
        else { return nil }
        let sorted = samples.sorted { $0.x < $1.x }
        let stride = max(1, sorted.count / 400)   // at most ~400 points: 80,000 pairs
        let points = Swift.stride(from: 0, to: sorted.count, by: stride).map { (log(sorted[$0].x), log(sorted[$0].y)) }
        var slopes: [Double] = []
        for i in points.indices {
            for j in points.indices where j > i && points[j].0 - points[i].0 > 1e-9 {
                slopes.append((points[j].1 - points[i].1) / (points[j].0 - points[i].0))
            }
        }
        guard !slopes.isEmpty else { return nil }
        return min(max(median(slopes), exponentRange.lowerBound), exponentRange.upperBound)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Uncalibrated single-point seconds: 2e-6 s × nao^2.5 (GFN2; measured order of magnitude here).
    static func singlePointSeconds(_ structure: Structure, method: Method) -> Double {
        let nao = structure.atomicNumbers.reduce(0.0) { $0 + basisFunctions($1) }
        let perMethod: Double = switch method {
        case .gfn2, .gfn1: 1
        case .gfn0: 0.3
        case .gfnff: 0.05
        }
        return 0.005 + 2e-6 * perMethod * pow(nao, 2.5)
    }

    /// Rough basis functions per element in GFN2 (s; sp; spd beyond the second row).
    static func basisFunctions(_ z: Int) -> Double {
        switch z {
        case 1, 2: 1
        case 3...10: 4
        default: 9
        }
    }
}

import Foundation
