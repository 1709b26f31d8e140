import Foundation

/// The time a run decides deadlines by: the system clock, or one frozen instant.
///
/// A frozen clock makes which tasks fit before a deadline depend on the predictions alone, not on
/// how fast this machine happens to be: the tests use it, and so can a user replaying a decision.
/// Set by INTERSCREEN_CLOCK: unset or `system`; `frozen` (the moment the run started);
/// `frozen:EPOCH` (that many seconds since 1970). With a frozen clock no alarm fires: the batch
/// system's own walltime remains the backstop.
public struct RunClock: Sendable {
    /// The frozen instant, or nil for the system clock.
    public let frozenAt: Date?

    public static let system = RunClock(frozenAt: nil)

    public init(frozenAt: Date?) {
        self.frozenAt = frozenAt
    }

    /// The clock INTERSCREEN_CLOCK asks for; an unreadable value is an error naming the variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       started: Date = Date()) throws -> RunClock {
        guard let text = environment["INTERSCREEN_CLOCK"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
              text != "system" else { return .system }
        if text == "frozen" { return RunClock(frozenAt: started) }
        if text.hasPrefix("frozen:"), let epoch = Double(text.dropFirst("frozen:".count)), epoch.isFinite {
            return RunClock(frozenAt: Date(timeIntervalSince1970: epoch))
        }
        throw RunClockError(text: text)
    }

    /// Now, by this clock.
    public func now() -> Date { frozenAt ?? Date() }
}

/// INTERSCREEN_CLOCK holds something other than `system`, `frozen` or `frozen:EPOCH`.
public struct RunClockError: Error, CustomStringConvertible {
    public let text: String
    public var description: String {
        "INTERSCREEN_CLOCK must be system, frozen or frozen:EPOCH (seconds since 1970), not \"\(text)\""
    }
}
