import Foundation

/// Cartesian geometry whose internal coordinates differ from those of `x0` by a target Δq:
/// x ← x + Bᵀ G⁻ (Δq_target − Δq_achieved), iterated (geomeTRIC's back-transformation); when the
/// iteration does not converge, the geometry with the smallest residual seen (the first iterate
/// at worst) is returned.
struct BackTransformation {
    let x: [Double]
    /// |Δq_target − Δq_achieved| at `x`.
    let residual: Double
    let converged: Bool
    let iterations: Int

    static let tolerance = 1e-7
    static let maxIterations = 50
    static let maxFailures = 3

    init(_ coordinates: InternalCoordinates, from x0: [Double], step target: [Double], map0: [Double]) {
        let m = x0.count
        var x = zip(x0, InternalCoordinates.applyTransposed(map0, target, columns: m)).map { $0 + $1 }
        var best = (x: x, residual: Double.infinity)
        var previous = Double.infinity
        var failures = 0
        var iterations = 0
        var converged = false
        let reference = coordinates.values(x0)
        while iterations < Self.maxIterations {
            iterations += 1
            let achieved = coordinates.project(coordinates.valueDifference(coordinates.values(x), reference))
            let error = zip(target, achieved).map { $0 - $1 }
            let residual = error.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if residual < best.residual { best = (x, residual) }
            if residual < Self.tolerance {
                converged = true
                break
            }
            if residual > previous {
                failures += 1
                if failures >= Self.maxFailures { break }
            }
            previous = residual
            let map = coordinates.inverseMap(x)
            let dx = InternalCoordinates.applyTransposed(map, error, columns: m)
            x = zip(x, dx).map { $0 + $1 }
        }
        self.x = best.x
        residual = best.residual
        self.converged = converged
        self.iterations = iterations
    }
}
