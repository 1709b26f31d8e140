import Engine
import Structures

/// Predicts a task's run time, for longest-first dispatch and ETAs.
///
/// First from size: seconds ∝ (basis functions)^2.5, with a per-method factor, and an
/// optimisation counted as ~2·N gradient evaluations. Then from history: once tasks of a kind
/// have run, the model is scaled by the median ratio measured / predicted (`calibrated`).
public struct CostModel: Sendable {
    /// Measured / model, per task kind; 1 until calibrated.
    public var scale: [String: Double] = [:]

    public init() {}

    /// Model seconds for a task of `kind` on `structure` with `method`.
    public func predict(kind: String, structure: Structure, method: Method) -> Double {
        let base = Self.singlePointSeconds(structure, method: method)
        let factor = kind == PlannedTask.Kind.optimization.rawValue ? 2.0 * Double(max(structure.count, 5)) : 1
        return base * factor * (scale[kind] ?? 1)
    }

    /// A copy scaled to history: `samples` are (kind, predicted by the uncalibrated model, measured).
    public func calibrated(with samples: [(kind: String, predicted: Double, measured: Double)]) -> CostModel {
        var model = self
        for (kind, group) in Dictionary(grouping: samples, by: \.kind) {
            let ratios = group.filter { $0.predicted > 0 && $0.measured > 0 }.map { $0.measured / $0.predicted }.sorted()
            if !ratios.isEmpty { model.scale[kind] = ratios[ratios.count / 2] }
        }
        return model
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
