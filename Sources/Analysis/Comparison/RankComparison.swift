/// Predicted margins against one measured quantity under the same conditions, across pairings.
public struct RankComparison: Sendable, Equatable {
    /// What makes rows comparable: quantity, unit, composition, sintering temperature, and the
    /// protocol of the predictions (margins of different protocols are not mixed; margins are per
    /// formula unit, so fragment sizes are).
    public struct Group: Sendable, Hashable {
        public var quantity: String
        public var unit: String
        public var composition: Double?
        public var sinteringTemperatureC: Double?
        /// The protocol the margins come from.
        public var protocolName: String

        /// "gamma_CsPbI3_wt_percent [wt%], x = 0.5, sintered 350 °C, protocol frozen framework".
        public var description: String {
            var text = "\(quantity) [\(unit)]"
            if let composition { text += ", x = \(RankComparison.plain(composition))" }
            if let sinteringTemperatureC { text += ", sintered \(RankComparison.plain(sinteringTemperatureC)) °C" }
            return text + ", protocol \(protocolName)"
        }
    }

    /// One pairing: its predicted margin per formula unit and the measured number.
    public struct Point: Sendable, Equatable {
        public var prediction: PairingPrediction
        public var observation: MeasuredObservation
        public var predicted: Double
        public var measured: Double
    }

    public var group: Group
    public var points: [Point]

    /// Fewer pairings than this: no correlation is claimed.
    public static let minimumPairings = 3

    /// Spearman ρ between predicted margin and measured value; nil below three pairings or when constant.
    public var rho: Double? {
        guard points.count >= Self.minimumPairings else { return nil }
        return SpearmanRank.rho(points.map(\.predicted), points.map(\.measured))
    }

    /// Two-sided p-value of ρ (exact permutation test for small n); nil when ρ is.
    public var pValue: Double? {
        guard rho != nil else { return nil }
        return RankTest.pValue(points.map(\.predicted), points.map(\.measured))
    }

    public var reading: ObservationReading { ObservationReading.of(group.quantity) }

    /// "too few pairings to conclude (n = 1)", or ρ with what its sign means.
    public var conclusion: String {
        let n = points.count
        guard n >= Self.minimumPairings else { return "too few pairings to conclude (n = \(n))" }
        guard let rho else { return "ρ undefined: predicted or measured values are all equal (n = \(n))" }
        let test = RankTest.isExact(n: n) ? "exact permutation" : "normal approximation"
        let p = pValue.map { ", two-sided p = \(Self.format($0)) (\(test))" } ?? ""
        let text = "Spearman ρ = \(Self.format(rho)) (n = \(n)\(p))"
        switch reading.direction {
        case 1: return text + "; \(reading.directionText): ρ > 0 supports the predictions"
        case -1: return text + "; \(reading.directionText): ρ < 0 supports the predictions"
        default: return text + "; \(reading.directionText)"
        }
    }

    static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return String(scaled)
    }
}
