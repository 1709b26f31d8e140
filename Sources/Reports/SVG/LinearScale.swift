import Foundation

/// Maps a data interval onto a pixel interval, with round tick values (1, 2 or 5 × 10^k apart).
struct LinearScale {
    let lower: Double
    let upper: Double
    let step: Double
    let pixelStart: Double
    let pixelEnd: Double

    /// A scale covering `values` (and `including`), widened to round ticks, about `ticks` of them.
    init(covering values: [Double], including: [Double] = [], pixels: (Double, Double), ticks: Int = 6) {
        let all = (values + including).filter(\.isFinite)
        var lo = all.min() ?? 0, hi = all.max() ?? 1
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        step = Self.niceStep((hi - lo) / Double(max(ticks - 1, 1)))
        lower = (lo / step).rounded(.down) * step
        upper = (hi / step).rounded(.up) * step
        (pixelStart, pixelEnd) = pixels
    }

    func callAsFunction(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// A tick value printed with as many decimals as the step needs.
    func label(_ value: Double) -> String {
        let decimals = max(0, Int(-log10(step).rounded(.down)))
        let text = String(format: "%.\(decimals)f", abs(value) < step / 1e6 ? 0 : value)
        return text
    }

    /// 1, 2 or 5 × 10^k, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, log10(raw).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * (1 - 1e-9) { return factor * magnitude }
        return 10 * magnitude
    }
}
