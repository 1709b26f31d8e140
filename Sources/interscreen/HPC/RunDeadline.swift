import ArgumentParser
import Campaign
import Foundation
import Processes
import Scheduler
import Store

/// Where `run` learns when it must end, and what it says when the deadline cut it short.
///
/// Sources, first found wins: `--deadline` (ISO 8601 time or seconds from now; "none" switches
/// deadlines off), INTERSCREEN_DEADLINE (epoch seconds; set by `submit`'s PBS scripts from the
/// walltime), SLURM_JOB_END_TIME (epoch seconds, newer Slurm), `squeue -h -j $SLURM_JOB_ID -o %e`.
enum RunDeadline {
    /// `text` as a time: seconds from `now`, or ISO 8601 (local time unless it has Z or an offset);
    /// nil for "none".
    static func parse(_ text: String, now: Date = Date()) throws -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "none" { return nil }
        if let seconds = Double(trimmed), seconds.isFinite { return now.addingTimeInterval(seconds) }
        if let date = isoDate(trimmed) { return date }
        throw ValidationError("--deadline must be an ISO 8601 time (2026-05-01T18:00:00, optionally with Z or "
            + "+02:00), a number of seconds from now, or none; not \"\(text)\"")
    }

    /// The deadline in force and where it came from, or nil.
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                        clock: RunClock = .system) throws -> (date: Date, source: String)? {
        if let option {
            return try parse(option, now: clock.now()).map { ($0, "--deadline") }
        }
        if let text = environment["INTERSCREEN_DEADLINE"], let epoch = Double(text) {
            return (Date(timeIntervalSince1970: epoch), "INTERSCREEN_DEADLINE")
        }
        if let text = environment["SLURM_JOB_END_TIME"], let epoch = Double(text), epoch > 0 {
            return (Date(timeIntervalSince1970: epoch), "SLURM_JOB_END_TIME")
        }
        if let job = environment["SLURM_JOB_ID"], let end = squeueEndTime(job: job) {
            return (end, "squeue (Slurm job \(job))")
        }
        return nil
    }

    /// The run's time limit (with the cost model calibrated to the database's history), said on
    /// stdout; nil when there is no deadline.
    static func limit(option: String?, margin: Double, costs: CostModel) throws -> TaskTimeLimit? {
        let clock = try RunClock.fromEnvironment()
        guard let (date, source) = try resolve(option: option, clock: clock) else { return nil }
        let limit = TaskTimeLimit(deadline: date, margin: margin, costs: costs, clock: clock)
        printFlushed("deadline \(stamp(date)) (from \(source)): tasks start only if predicted to end by "
            + "\(stamp(limit.lastFinish)) (margin \(Int(margin)) s)"
            + (clock.frozenAt.map { "; clock frozen at \(stamp($0)) (INTERSCREEN_CLOCK)" } ?? ""))
        return limit
    }

    /// The hard stop at the deadline minus the margin; nil without a limit, or when the clock is
    /// frozen (INTERSCREEN_CLOCK; the batch system's walltime is then the backstop).
    static func alarm(for limit: TaskTimeLimit?, stop: StopSignal) -> DeadlineAlarm? {
        guard let limit, limit.clock.frozenAt == nil else { return nil }
        return DeadlineAlarm(at: limit.lastFinish, stop: stop)
    }

    /// The closing message on stderr for a run that did not finish everything.
    static func report(_ end: RunEnd, code: Int32?, limit: TaskTimeLimit?, left: Int, resume: String) {
        switch end {
        case .completed:
            return
        case .stopped(let signal, let abandoned) where signal == StopSignal.deadlineSignal:
            printError("deadline: stopped at \(limit.map { stamp($0.lastFinish) } ?? "the deadline") "
                + "(\(abandoned) running task(s) interrupted, \(left) left in all); exit status \(code ?? 4)"
                + (code == 5 ? ": nothing finished in time, give the job more walltime" : ", resume with: \(resume)"))
        case .stopped(let signal, let abandoned):
            printError("stopped by signal \(signal) (\(abandoned) task(s) interrupted); resume with: \(resume)")
        case .deadlineReached(let deferred) where code == 5:
            printError("deadline: none of the \(deferred) ready task(s) (\(left) left in all) is predicted to end before "
                + "\(limit.map { stamp($0.lastFinish) } ?? "the deadline"); exit status 5: give the job more walltime")
        case .deadlineReached(let deferred):
            printError("deadline: \(deferred) task(s) deferred (predicted to end after "
                + "\(limit.map { stamp($0.lastFinish) } ?? "the deadline")), \(left) left in all; exit status 4, "
                + "resume with: \(resume)")
        }
    }

    /// ISO 8601 with or without a zone (local time without one), seconds optional fraction.
    static func isoDate(_ text: String) -> Date? {
        let zoned = ISO8601DateFormatter()
        zoned.formatOptions = [.withInternetDateTime]
        if let date = zoned.date(from: text) { return date }
        zoned.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = zoned.date(from: text) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = TimeZone.current
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }

    /// Slurm's end time of `job` (`squeue -o %e`, local time), or nil when unknown or unlimited.
    static func squeueEndTime(job: String) -> Date? {
        var command = Command("squeue", ["-h", "-j", job, "-o", "%e"])
        command.standardError = .null
        guard let result = try? ChildProcess.run(command, timeout: .seconds(60)), result.termination == .exited(0) else {
            return nil
        }
        let output = result.standardOutput
        return isoDate(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone.current
        return f.string(from: date)
    }
}
