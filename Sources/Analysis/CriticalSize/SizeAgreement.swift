/// A critical size L* scored against measured particle sizes (docs/reports.md, "Critical size").
///
/// Rule: with the active phase lower below L* (the usual case: the bulk prefers the inactive phase,
/// the boundaries the active one), measured sizes all below the band [L* − σ, L* + σ] predict the
/// active phase kept, all above it predict it lost. The prediction is then compared with the
/// observed retention (the rows with a sign reading, as in SignAgreement). Not conclusive — its own
/// outcome, never agree or disagree: no L* (no energies per area, no crossing), an uncertainty term
/// not known, or measured sizes that reach into the band or straddle it. An unconverged bulk series
/// leaves L* out only when L* rests on it (the slab route; nanocrystal L* does not use it).
public struct SizeAgreement: Sendable {
    public var prediction: PairingPrediction
    /// The measured size rows mapped to the verdict.
    public var sizes: [MeasuredObservation]
    /// The rows with a sign reading, and what each says (the same rows as the sign agreement).
    public var evidence: [(observation: MeasuredObservation, stabilised: Bool)]
    public var outcome: SignAgreement.Outcome
    /// Active phase predicted kept at the measured sizes (nil: no prediction).
    public var predictedKept: Bool?
    /// The outcome in words, with the numbers behind it.
    public var conclusion: String

    public init(prediction: PairingPrediction, sizes: [MeasuredObservation],
                evidence: [(observation: MeasuredObservation, stabilised: Bool)]) {
        self.prediction = prediction
        self.sizes = sizes
        self.evidence = evidence
        let says = Set(evidence.map(\.stabilised))
        let score = Self.score(band: prediction.criticalSize, sizes: MeasuredSize.span(sizes),
                               observed: says.count == 1 ? says.first : nil,
                               bulkConverged: prediction.criticalSizeUsesBulk ? prediction.bulkConverged : nil)
        outcome = score.outcome
        predictedKept = score.predictedKept
        conclusion = score.conclusion
    }

    /// Observed kept (true), lost (false), or no single answer.
    public var observed: Bool? {
        let says = Set(evidence.map(\.stabilised))
        return says.count == 1 ? says.first : nil
    }

    /// The rule on plain numbers: the band, the measured span (nm), the observation, the bulk flag.
    public static func score(band: CriticalSizeBand?, sizes: (low: Double, high: Double)?, observed: Bool?,
                             bulkConverged: Bool?) -> (outcome: SignAgreement.Outcome, predictedKept: Bool?, conclusion: String) {
        guard let sizes else { return (.noAnswer, nil, "no measured particle size") }
        guard let observed else { return (.noAnswer, nil, "no single observed retention (no row, or rows that disagree)") }
        guard bulkConverged != false else {
            return (.bulkNotConverged, nil, "not scored: the verdict's bulk supercell series did not converge")
        }
        let measured = "measured \(CriticalSizeBand.nm(sizes.low))–\(CriticalSizeBand.nm(sizes.high)) nm"
        guard let band, band.lowNm != nil else {
            return (.notConclusive, nil, "not conclusive: \(band?.reason ?? "no critical size") (\(measured))")
        }
        guard band.outcome == "active below L*" || band.outcome == "active above L*" else {
            return (.notConclusive, nil, "not conclusive: \(band.outcome) (\(measured))")
        }
        guard let interval = band.interval else {
            return (.notConclusive, nil, "not conclusive: \(band.text) (\(measured))")
        }
        let below = sizes.high < interval.low, above = sizes.low > interval.high
        guard below || above else {
            return (.notConclusive, nil, "not conclusive: \(measured) reaches into \(band.text)")
        }
        let kept = band.outcome == "active below L*" ? below : above
        let predicted = "\(measured), all \(below ? "below" : "above") \(band.text): predicted "
            + (kept ? "kept" : "lost") + ", observed " + (observed ? "kept" : "lost")
        return (kept == observed ? .agree : .disagree, kept, "\(kept == observed ? "agree" : "disagree"): \(predicted)")
    }
}
