import Foundation

/// Where a campaign run stands: counts, rate and ETA (for the progress line and `status`).
public struct CampaignProgress: Sendable {
    public var total: Int
    public var done: Int
    public var failed: Int
    public var running: Int
    /// Tasks finished in this run (not counting those already in the database).
    public var finishedThisRun: Int
    public var elapsedSeconds: Double
    /// Predicted seconds of work left (from the cost model), for the ETA.
    public var predictedRemainingSeconds: Double
    /// Worker ranks sharing that work.
    public var workers: Int = 1
    /// Structures whose input was invalid: never planned as tasks (not in `total`), reported apart,
    /// so the count of tasks is the same in the plan, the progress line and the summary.
    public var invalidInputs: Int = 0

    /// Tasks per second in this run.
    public var rate: Double { elapsedSeconds > 0 ? Double(finishedThisRun) / elapsedSeconds : 0 }

    /// Seconds left: remaining tasks at the measured rate, nil before the first finishes.
    public var etaSeconds: Double? {
        guard rate > 0 else { return nil }
        return Double(total - done - failed) / rate
    }

    /// Before any task of this run has finished: the cost model's work left shared by the workers.
    public var predictedETASeconds: Double? {
        predictedRemainingSeconds > 0 ? predictedRemainingSeconds / Double(max(1, workers)) : nil
    }

    /// "12/40 done, 1 failed, 2 running, 0.52 tasks/s, ETA 54 s" ("ETA ~3 h 5 min (predicted)"
    /// until the first task of the run finishes).
    public var line: String {
        let eta = etaSeconds.map { Self.duration($0) }
            ?? predictedETASeconds.map { "~\(Self.duration($0)) (predicted)" } ?? "?"
        return "\(done)/\(total) done, \(failed) failed, \(running) running, "
            + String(format: "%.2f tasks/s", rate) + ", ETA \(eta)"
            + (invalidInputs > 0 ? "; \(invalidInputs) invalid input(s), not run" : "")
    }

    /// Durations for people: "42 s", "12 min", "3 h 5 min"; "?" when unknown.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        return s < 120 ? "\(s) s" : s < 7200 ? "\(s / 60) min" : "\(s / 3600) h \((s % 3600) / 60) min"
    }
}
