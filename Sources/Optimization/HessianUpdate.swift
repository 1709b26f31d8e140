/// Quasi-Newton update of the Hessian from a step and the gradient change it caused.
enum HessianUpdate {
    /// Damped BFGS (Powell 1978): H ← H + y yᵀ/(sᵀy) − (Hs)(Hs)ᵀ/(sᵀHs), with y replaced by
    /// θy + (1 − θ)Hs when sᵀy < 0.2 sᵀHs, so that H stays positive definite even across the
    /// negative-curvature regions of a floppy cluster. `h` is row-major n×n.
    static func dampedBFGS(_ h: inout [Double], n: Int, step s: [Double], gradientChange y0: [Double]) {
        var hs = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var t = 0.0
            let row = i * n
            for j in 0..<n { t += h[row + j] * s[j] }
            hs[i] = t
        }
        var shs = 0.0, sy = 0.0, ss = 0.0
        for i in 0..<n {
            shs += s[i] * hs[i]
            sy += s[i] * y0[i]
            ss += s[i] * s[i]
        }
        guard ss > 1e-20, shs > 1e-20 * ss else { return }
        var y = y0
        if sy < 0.2 * shs {
            let theta = 0.8 * shs / (shs - sy)
            for i in 0..<n { y[i] = theta * y0[i] + (1 - theta) * hs[i] }
            sy = 0.2 * shs
        }
        guard sy > 0 else { return }
        for i in 0..<n {
            let row = i * n
            let yi = y[i] / sy
            let hi = hs[i] / shs
            for j in 0..<n { h[row + j] += yi * y[j] - hi * hs[j] }
        }
    }
}
