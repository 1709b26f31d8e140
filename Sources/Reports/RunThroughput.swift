import Foundation
import Store

/// The timed tasks of one run (`run_id`) and how busy its ranks were.
struct RunThroughput {
    var runID: Int64?
    var tasks: [TaskRecord]

    /// Tasks with a start and a finish, grouped by run, in run order.
    static func all(_ tasks: [TaskRecord]) -> [RunThroughput] {
        let timed = tasks.filter { $0.startedAt != nil && $0.finishedAt != nil }
        let runs = Array(Set(timed.map(\.runID))).sorted { ($0 ?? -1) < ($1 ?? -1) }
        return runs.map { run in RunThroughput(runID: run, tasks: timed.filter { $0.runID == run }) }
    }

    var runLabel: String { runID.map { "runs row \($0)" } ?? "no run row" }
    var ranks: Set<Int> { Set(tasks.map { $0.rank ?? 0 }) }
    var start: Date { tasks.compactMap(\.startedAt).min() ?? Date() }
    var end: Date { tasks.compactMap(\.finishedAt).max() ?? Date() }
    var makespan: Double { end.timeIntervalSince(start) }

    /// Σ (finished_at − started_at), seconds.
    var busySeconds: Double {
        tasks.reduce(0) { $0 + max(0, $1.finishedAt!.timeIntervalSince($1.startedAt!)) }
    }

    /// Σ task time / (ranks × makespan); nil for a zero makespan.
    var efficiency: Double? {
        guard makespan > 0, !ranks.isEmpty else { return nil }
        return busySeconds / (Double(ranks.count) * makespan)
    }
}
