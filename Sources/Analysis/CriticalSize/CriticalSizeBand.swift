/// A verdict's critical size as a prediction to score: L* with its uncertainty band over the
/// particle shapes, or why there is none.
///
/// For isotropic boundary energies the cube edge and the sphere diameter are the same length;
/// the band spans both shapes' L* ± σ, so a shape choice never narrows it.
public struct CriticalSizeBand: Sendable, Equatable {
    /// Which side of L* the active phase is lower on (CriticalSize.Outcome's label), or "unknown".
    public var outcome: String
    /// L* in nm: the smallest and largest over the shapes (equal for isotropic γ); nil without a crossing.
    public var lowNm: Double?
    public var highNm: Double?
    /// √Σ share² over the known terms, the largest over the shapes; nil when it cannot be formed.
    public var sigmaNm: Double?
    /// Uncertainty terms whose σ is unknown (their presence makes any comparison not conclusive).
    public var unknownTerms: [String]
    /// Why there is no L* (no stored energies per area, no bulk difference, no crossing).
    public var reason: String?

    public init(outcome: String, lowNm: Double?, highNm: Double?, sigmaNm: Double?, unknownTerms: [String],
                reason: String? = nil) {
        self.outcome = outcome
        self.lowNm = lowNm
        self.highNm = highNm
        self.sigmaNm = sigmaNm
        self.unknownTerms = unknownTerms
        self.reason = reason
    }

    /// The band of one estimate per shape (same inputs, different shapes).
    public init(estimates: [CriticalSizeEstimate]) {
        let sizes = estimates.compactMap(\.sizeNm)
        let complete = sizes.count == estimates.count && !sizes.isEmpty
        outcome = estimates.first?.model.outcome.label ?? "unknown"
        lowNm = complete ? sizes.min() : nil
        highNm = complete ? sizes.max() : nil
        let sigmas = estimates.compactMap(\.sigmaNm)
        sigmaNm = complete && sigmas.count == estimates.count ? sigmas.max() : nil
        var unknown: [String] = []
        for name in estimates.flatMap(\.unknownTerms) where !unknown.contains(name) { unknown.append(name) }
        unknownTerms = unknown
        reason = complete ? nil : "no critical size: \(outcome)"
    }

    /// No L*, with the reason.
    public static func unknown(_ reason: String) -> CriticalSizeBand {
        CriticalSizeBand(outcome: "unknown", lowNm: nil, highNm: nil, sigmaNm: nil, unknownTerms: [], reason: reason)
    }

    /// [min L* − σ, max L* + σ] when L* and σ are known and no term is unknown.
    public var interval: (low: Double, high: Double)? {
        guard let lowNm, let highNm, let sigmaNm, unknownTerms.isEmpty else { return nil }
        return (lowNm - sigmaNm, highNm + sigmaNm)
    }

    /// "L* = 12.0 ± 1.5 nm (active below L*)", or why there is none.
    public var text: String {
        guard let lowNm, let highNm else { return reason ?? "no critical size" }
        let size = abs(highNm - lowNm) < 1e-9 * max(highNm, 1) ? Self.nm(lowNm) : "\(Self.nm(lowNm))–\(Self.nm(highNm))"
        let sigma = unknownTerms.isEmpty ? sigmaNm.map { " ± \(Self.nm($0))" } ?? ", uncertainty unknown"
            : ", uncertainty unknown (\(unknownTerms.joined(separator: ", ")))"
        return "L* = \(size)\(sigma) nm (\(outcome))"
    }

    static func nm(_ x: Double) -> String {
        x >= 100 ? String(format: "%.0f", x) : x >= 1 ? String(format: "%.1f", x) : String(format: "%.2g", x)
    }
}
