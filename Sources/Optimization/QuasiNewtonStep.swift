/// A quasi-Newton step restricted to a trust radius, computed in the eigenbasis of the Hessian:
/// s = −(H − λ)⁻¹ g.
///
/// `.newton` (the default): λ = 0 — the Newton step — when H is positive definite and |s| ≤ R;
/// otherwise λ below min(h₁, 0) such that |s| = R (the classic trust-region step).
/// `.rationalFunction`: RFO (Banerjee et al., J. Phys. Chem. 89, 52 (1985)), λ the lowest
/// eigenvalue of the gradient-augmented Hessian, i.e. the root below min(h₁, 0) of
/// λ = −Σ gₖ²/(hₖ − λ), again lowered until |s| = R when longer (RS-RFO). RFO steps are shorter
/// where the gradient is large relative to the curvature; on the floppy clusters measured here
/// that cost cycles, so Newton steps are the default.
struct QuasiNewtonStep {
    /// The step in the space of the Hessian (length = dimension).
    let step: [Double]
    /// Its length.
    let length: Double
    /// Energy change the quadratic model predicts: gᵀs + ½ sᵀHs.
    let predictedChange: Double
    /// True when the trust radius cut the RFO step.
    let restricted: Bool

    /// How the unrestricted step is chosen.
    enum Model: Sendable, Hashable {
        /// Rational function: λ from the augmented Hessian (shorter steps where g is large
        /// relative to the curvature).
        case rationalFunction
        /// Newton step when the Hessian is positive definite and the step fits in the trust
        /// radius, otherwise the restricted step (classic trust-region quasi-Newton).
        case newton
    }

    init(eigen: SymmetricEigen, gradient: [Double], trustRadius: Double, model: Model = .rationalFunction) {
        let n = eigen.n
        let h = eigen.values
        // Gradient in the eigenbasis.
        var gt = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let base = k * n
            var s = 0.0
            for i in 0..<n { s += eigen.vectors[base + i] * gradient[i] }
            gt[k] = s
        }
        let gnorm = gt.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let lowest = min(h.first ?? 0, 0)

        func stepLength(_ lambda: Double) -> Double {
            var s = 0.0
            for k in 0..<n {
                let c = gt[k] / (h[k] - lambda)
                s += c * c
            }
            return s.squareRoot()
        }

        // RFO root of f(λ) = λ + Σ g̃ₖ²/(hₖ − λ), increasing on (−∞, min h): bisection.
        var hi = lowest
        var lo = lowest - gnorm - 1e-12
        if model == .newton, (h.first ?? 0) > 0 {
            lo = 0   // Newton: λ = 0 (restricted below when too long)
        } else if gnorm > 0 {
            for _ in 0..<200 {
                let mid = 0.5 * (lo + hi)
                var f = mid
                for k in 0..<n { f += gt[k] * gt[k] / (h[k] - mid) }
                if f > 0 { hi = mid } else { lo = mid }
                if hi - lo <= 1e-15 * max(1, abs(mid)) { break }
            }
        }
        var lambda = lo
        var restricted = false
        if gnorm > 0, stepLength(lambda) > trustRadius {
            // |s(λ)| decreases as λ decreases below min h; |s(λ)| ≤ |g|/(min h − λ).
            var upper = lambda
            var lower = lowest - gnorm / trustRadius - 1e-12
            for _ in 0..<200 {
                let mid = 0.5 * (lower + upper)
                if stepLength(mid) > trustRadius { upper = mid } else { lower = mid }
                if upper - lower <= 1e-15 * max(1, abs(mid)) { break }
            }
            lambda = lower
            restricted = true
        }
        var st = [Double](repeating: 0, count: n)
        var predicted = 0.0
        for k in 0..<n where gnorm > 0 {
            st[k] = -gt[k] / (h[k] - lambda)
            predicted += gt[k] * st[k] + 0.5 * h[k] * st[k] * st[k]
        }
        var step = [Double](repeating: 0, count: n)
        for k in 0..<n where st[k] != 0 {
            let base = k * n
            let c = st[k]
            for i in 0..<n { step[i] += c * eigen.vectors[base + i] }
        }
        self.step = step
        length = step.reduce(0) { $0 + $1 * $1 }.squareRoot()
        predictedChange = predicted
        self.restricted = restricted
    }
}
