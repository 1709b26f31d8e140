import Foundation

/// Ordinary least squares y ≈ X·p for a few parameters: the estimate, its covariance
/// s²·(XᵀX)⁻¹ (s² = residual sum of squares / degrees of freedom) and the residuals.
///
/// Solved by Householder QR on column-scaled X (never the normal equations, which square the
/// condition number): energies of hundreds of Hartree are fitted to micro-Hartree.
public struct LinearLeastSquares: Sendable, Equatable {
    /// Why a fit cannot be formed.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooFewPoints(points: Int, parameters: Int)
        case singular

        public var description: String {
            switch self {
            case let .tooFewPoints(p, k): "\(p) points for \(k) parameters: need at least \(k)"
            case .singular: "the columns are linearly dependent (the sizes do not separate the terms)"
            }
        }
    }

    public let parameters: [Double]
    /// Covariance of the parameters; nil with no degree of freedom left (no residual to scale it).
    public let covariance: [[Double]]?
    public let residuals: [Double]

    /// Points − parameters.
    public var degreesOfFreedom: Int { residuals.count - parameters.count }

    public init(rows: [[Double]], values: [Double]) throws {
        let k = rows.first?.count ?? 0
        guard rows.count >= k, k > 0 else { throw Failure.tooFewPoints(points: rows.count, parameters: k) }
        let scale = (0..<k).map { j in rows.reduce(0) { $0 + $1[j] * $1[j] }.squareRoot() }
        guard scale.allSatisfy({ $0 > 0 }) else { throw Failure.singular }
        var (a, b) = (rows.map { row in (0..<k).map { row[$0] / scale[$0] } }, values)
        Self.householder(&a, &b, columns: k)
        guard let rInverse = Self.upperInverse(a, k) else { throw Failure.singular }
        let p = (0..<k).map { i in (i..<k).reduce(0) { $0 + rInverse[i][$1] * b[$1] } }
        let estimate = (0..<k).map { p[$0] / scale[$0] }
        let misfit = zip(rows, values).map { row, y in y - zip(row, estimate).reduce(0) { $0 + $1.0 * $1.1 } }
        parameters = estimate
        residuals = misfit
        let dof = rows.count - k
        guard dof > 0 else { covariance = nil; return }
        let s2 = misfit.reduce(0) { $0 + $1 * $1 } / Double(dof)
        covariance = (0..<k).map { i in
            (0..<k).map { j in s2 * (0..<k).reduce(0) { $0 + rInverse[i][$1] * rInverse[j][$1] } / (scale[i] * scale[j]) }
        }
    }

    /// Standard errors of the parameters; nil without covariance.
    public var standardErrors: [Double]? { covariance.map { c in c.indices.map { c[$0][$0].squareRoot() } } }

    /// Reduces `a` to R in its upper k×k block, applying the same reflections to `b` (Qᵀb).
    private static func householder(_ a: inout [[Double]], _ b: inout [Double], columns k: Int) {
        let m = a.count
        for j in 0..<k {
            let norm = (j..<m).reduce(0) { $0 + a[$1][j] * a[$1][j] }.squareRoot()
            guard norm > 0 else { continue }
            let alpha = a[j][j] > 0 ? -norm : norm
            var v = (0..<m).map { $0 < j ? 0 : a[$0][j] }
            v[j] -= alpha
            let vv = v.reduce(0) { $0 + $1 * $1 }
            guard vv > 0 else { continue }
            for c in j..<k {
                let f = 2 * (j..<m).reduce(0) { $0 + v[$1] * a[$1][c] } / vv
                for r in j..<m { a[r][c] -= f * v[r] }
            }
            let f = 2 * (j..<m).reduce(0) { $0 + v[$1] * b[$1] } / vv
            for r in j..<m { b[r] -= f * v[r] }
        }
    }

    /// R⁻¹ of the upper-triangular k×k block; nil when a diagonal element is negligible.
    private static func upperInverse(_ a: [[Double]], _ k: Int) -> [[Double]]? {
        let largest = (0..<k).map { abs(a[$0][$0]) }.max() ?? 0
        guard (0..<k).allSatisfy({ abs(a[$0][$0]) > 1e-12 * largest }) else { return nil }
        var inv = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for col in 0..<k {
            for i in stride(from: col, through: 0, by: -1) {
                let rhs = (i == col ? 1.0 : 0.0) - ((i + 1)..<k).reduce(0) { $0 + a[i][$1] * inv[$1][col] }
                inv[i][col] = rhs / a[i][i]
            }
        }
        return inv
    }
}
