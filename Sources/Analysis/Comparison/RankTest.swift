import Foundation

/// How sure a Spearman ρ is: a two-sided p-value for "no monotone relation".
///
/// Up to `exactLimit` pairings the p-value is exact: the share of all n! orderings of the measured
/// ranks whose |ρ| is at least the observed one (with n = 3 the smallest possible p is 1/3).
/// Above it, the large-sample normal approximation ρ·√(n − 1) ~ N(0, 1).
public enum RankTest {
    public static let exactLimit = 8

    /// Two-sided p-value of ρ(x, y); nil when ρ is undefined.
    public static func pValue(_ x: [Double], _ y: [Double]) -> Double? {
        guard let observed = SpearmanRank.rho(x, y) else { return nil }
        let n = x.count
        guard n <= exactLimit else {
            let z = abs(observed) * Double(n - 1).squareRoot()
            return min(1, erfc(z / 2.0.squareRoot()))
        }
        let rx = SpearmanRank.averageRanks(x), ry = SpearmanRank.averageRanks(y)
        var hits = 0, total = 0
        permutations(ry) { permuted in
            total += 1
            if let rho = SpearmanRank.pearson(rx, permuted), abs(rho) >= abs(observed) - 1e-12 { hits += 1 }
        }
        return Double(hits) / Double(total)
    }

    /// Whether the p-value is exact for `n` pairings.
    public static func isExact(n: Int) -> Bool { n <= exactLimit }

    /// Calls `body` with every ordering of `values` (Heap's algorithm).
    static func permutations(_ values: [Double], _ body: ([Double]) -> Void) {
        var a = values
        var c = [Int](repeating: 0, count: a.count)
        body(a)
        var i = 0
        while i < a.count {
            if c[i] < i {
                a.swapAt(i % 2 == 0 ? 0 : c[i], i)
                body(a)
                c[i] += 1
                i = 0
            } else {
                c[i] = 0
                i += 1
            }
        }
    }
}
