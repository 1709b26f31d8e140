import Foundation
import Processes

/// Where a run learns when it must end. Sources, first found wins: `--deadline` (ISO 8601 time or
/// seconds from now; "none" switches deadlines off), INTERSCREEN_DEADLINE (epoch seconds; set by
/// `submit`'s PBS scripts from the walltime), SLURM_JOB_END_TIME (epoch seconds, newer Slurm),
/// `squeue -h -j $SLURM_JOB_ID -o %e`.
public enum JobDeadline {
    /// `text` as a time: seconds from `now`, or ISO 8601 (local time unless it has Z or an offset);
    /// nil for "none".
    public static func parse(_ text: String, now: Date = Date()) throws -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "none" { return nil }
        if let seconds = Double(trimmed), seconds.isFinite { return now.addingTimeInterval(seconds) }
        if let date = isoDate(trimmed) { return date }
        throw DeadlineError("--deadline must be an ISO 8601 time (2026-05-01T18:00:00, optionally with Z or "
            + "+02:00), a number of seconds from now, or none; not \"\(text)\"")
    }

    /// The deadline in force and where it came from, or nil.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
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

    /// ISO 8601 with or without a zone (local time without one), seconds optional fraction.
    public static func isoDate(_ text: String) -> Date? {
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
        let result: Captured
        do {
            result = try ChildProcess.run(command, timeout: .seconds(60))
        } catch {
            // No squeue here (or it would not start): the job's end is unknown, as when squeue says so.
            return nil
        }
        guard result.termination == .exited(0) else { return nil }
        return isoDate(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
