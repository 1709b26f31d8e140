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

    /// Predicted and observed signs agree (nil when either is unknown).
    public var agrees: Bool? {
        guard let predicted = prediction.stabilises, let observed else { return nil }
        return predicted == observed
    }

    /// "agree", "disagree", or why there is no answer.
    public var conclusion: String {
        if prediction.stabilises == nil { return "no prediction (the verdict has no margin)" }
        if evidence.isEmpty { return "no observation with a sign reading" }
        guard let agrees else { return "the observations disagree with each other" }
        return agrees ? "agree" : "disagree"
    }
}
