import Foundation
import Scheduler

/// Requests a stop (as `StopSignal.deadlineSignal`) when a deadline passes: the hard stop for
/// tasks that overrun their prediction, so the run still drains, commits and exits before the
/// batch system's kill.
public final class DeadlineAlarm: @unchecked Sendable {
    private let timer: DispatchSourceTimer

    /// Arms the alarm to call `stop.request(StopSignal.deadlineSignal)` at `date`.
    public init(at date: Date, stop: StopSignal) {
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(wallDeadline: .now() + max(0, date.timeIntervalSinceNow))
        timer.setEventHandler { [weak stop] in stop?.request(StopSignal.deadlineSignal) }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }
}

extension TaskTimeLimit {
    /// The hard stop at `lastFinish`; nil when the clock is frozen (INTERSCREEN_CLOCK: no alarm
    /// fires, the batch system's walltime is then the backstop).
    public func alarm(stop: StopSignal) -> DeadlineAlarm? {
        clock.frozenAt == nil ? DeadlineAlarm(at: lastFinish, stop: stop) : nil
    }
}
