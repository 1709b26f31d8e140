/// How a measured quantity reads as "the interface stabilises the active phase" (jobs/measured/README.md).
public struct ObservationReading: Sendable, Equatable {
    /// Which way a larger number points: +1 more stabilised, −1 less, 0 not defined.
    public var direction: Int
    /// Words meaning stabilised (partly or fully) and not stabilised; numbers above `stabilisedAbove`
    /// mean stabilised, at or below it not (nil: a number gives no sign on its own).
    public var stabilisedWords: Set<String>
    public var notStabilisedWords: Set<String>
    public var stabilisedAbove: Double?

    /// The reading of `quantity`; quantities not listed have none (shown, never scored).
    public static func of(_ quantity: String) -> ObservationReading {
        known[quantity] ?? ObservationReading(direction: 0, stabilisedWords: [], notStabilisedWords: [],
                                              stabilisedAbove: nil)
    }

    /// Stabilised (true), not stabilised (false), or no sign from this value (nil).
    public func stabilised(_ value: MeasuredValue) -> Bool? {
        switch value {
        case .qualitative(let word):
            if stabilisedWords.contains(word) { return true }
            if notStabilisedWords.contains(word) { return false }
            return nil
        case .number(let x):
            return stabilisedAbove.map { x > $0 }
        case .range:
            return nil
        }
    }

    static let activeFraction = ObservationReading(direction: +1, stabilisedWords: [], notStabilisedWords: [],
                                                   stabilisedAbove: 0)

    static let known: [String: ObservationReading] = [
        // Phase retention after sintering: any active phase kept where bulk CsPbI3 turns δ counts.
        "gamma_phase_retention": ObservationReading(
            direction: 0, stabilisedWords: ["complete", "near_complete", "mixed_gamma_delta", "partial"],
            notStabilisedWords: ["none", "delta_only"], stabilisedAbove: nil),
        "alpha_phase_retention": ObservationReading(
            direction: 0, stabilisedWords: ["complete", "near_complete", "mixed_alpha_delta", "partial"],
            notStabilisedWords: ["none", "delta_only"], stabilisedAbove: nil),
        // The black (perovskite, active) phase reported stabilised in the composite, or not.
        "black_phase_stabilised": ObservationReading(
            direction: 0, stabilisedWords: ["yes"], notStabilisedWords: ["no"], stabilisedAbove: nil),
        // Weight fraction of the active phase in the composite: > 0 stabilised, more is more.
        "gamma_CsPbI3_wt_percent": activeFraction,
        "alpha_CsPbI3_wt_percent": activeFraction,
        "active_phase_wt_percent": activeFraction,
        // Weight fraction of the inactive phase: more is less stabilised; no sign on its own.
        "delta_CsPbI3_wt_percent": ObservationReading(direction: -1, stabilisedWords: [], notStabilisedWords: [],
                                                      stabilisedAbove: nil),
        // Temperature at which the active phase appears on heating: lower is more stabilised.
        "active_phase_onset": ObservationReading(direction: -1, stabilisedWords: [], notStabilisedWords: [],
                                                 stabilisedAbove: nil),
    ]

    /// "higher = more stabilised", "lower = more stabilised" or "direction not defined".
    public var directionText: String {
        switch direction {
        case 1: "higher = more stabilised"
        case -1: "lower = more stabilised"
        default: "direction not defined"
        }
    }
}
