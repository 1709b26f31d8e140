/// Predicted versus observed for one verdict: does the interface stabilise the active phase?
public struct SignAgreement: Sendable, Equatable {
    public var prediction: PairingPrediction
    /// The measured rows with a sign reading, and what each says.
    public var evidence: [(observation: MeasuredObservation, stabilised: Bool)]

    public init(prediction: PairingPrediction, evidence: [(observation: MeasuredObservation, stabilised: Bool)]) {
        self.prediction = prediction
        self.evidence = evidence
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.prediction == b.prediction && a.evidence.map(\.observation) == b.evidence.map(\.observation)
            && a.evidence.map(\.stabilised) == b.evidence.map(\.stabilised)
    }

    /// Observed stabilised (true) or not (false); nil when the rows disagree or there are none.
    public var observed: Bool? {
        let says = Set(evidence.map(\.stabilised))
        return says.count == 1 ? says.first : nil
    }

    /// How a prediction and the observations compare.
    public enum Outcome: String, Sendable, Equatable, CaseIterable {
        case agree, disagree
        /// The margin lies within the configuration spread: the prediction claims no sign.
        case notConclusive = "not conclusive"
        /// The verdict's bulk supercell series did not converge: its margin is not final, not scored.
        case bulkNotConverged = "bulk not converged"
        /// No margin, no observation with a sign reading, or observations that disagree.
        case noAnswer = "no answer"
    }

    public var outcome: Outcome {
        guard let predicted = prediction.stabilises, let observed else { return .noAnswer }
        guard prediction.bulkConverged != false else { return .bulkNotConverged }
        guard prediction.isConclusive else { return .notConclusive }
        return predicted == observed ? .agree : .disagree
    }

    /// Predicted and observed signs agree (nil when either is unknown or the margin is not conclusive).
    public var agrees: Bool? {
        switch outcome {
        case .agree: true
        case .disagree: false
        default: nil
        }
    }

    /// "agree", "disagree", "not conclusive (…)", or why there is no answer.
    public var conclusion: String {
        if prediction.stabilises == nil { return "no prediction (the verdict has no margin)" }
        if evidence.isEmpty { return "no observation with a sign reading" }
        guard observed != nil else { return "the observations disagree with each other" }
        switch outcome {
        case .bulkNotConverged:
            return "not scored: the verdict's bulk supercell series did not converge"
        case .notConclusive:
            return "not conclusive (|margin| \(Int(abs(prediction.marginKJ ?? 0).rounded())) < spread "
                + "\(Int(prediction.uncertaintyKJ.rounded())) kJ/mol)"
        default: return outcome.rawValue
        }
    }
}
