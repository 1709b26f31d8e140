import ArgumentParser
import Campaign
import Foundation
import Scheduler
import Store

/// `interscreen simulate`: replays recorded task durations through the real dispatch policy.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay recorded task durations on N simulated ranks: makespan and efficiency per policy.",
        discussion: """
        Uses the finished tasks in the database (their predicted and measured seconds, and the \
        optimise → single point dependencies). Longest-first is replayed with four kinds of \
        prediction: as recorded, from history (cross-validated), from composition (the mean of \
        the same kind and formula in the record) and exact. With --tasks larger than what was recorded, \
        structures are resampled with replacement (fixed seed) to that many tasks.
        """
    )

    @Option(help: "Results database with finished campaign tasks.")
    var db: String = "interscreen.sqlite"

    @Option(parsing: .unconditional, help: "Simulated worker ranks.")
    var ranks: Int = 2

    @Option(parsing: .unconditional, help: "Number of tasks to replay (resampled from the recorded ones when larger).")
    var tasks: Int?

    @Option(help: "Only this campaign's tasks.")
    var campaign: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        try OptionRange.atLeast(1, ranks, "--ranks")
        try OptionRange.atLeast(1, tasks, "--tasks")
    }

    func run() throws {
        let store = try OpenedDatabase.open(db, .read)
        let rows = try store.tasks(campaign: campaign).filter { $0.state == .done && $0.wallSeconds != nil }
        guard !rows.isEmpty else { throw CommandFailure.data("no finished tasks with measured times in \(db)") }
        let replay = SchedulingReplay.run(rows, formulas: try formulaByInput(rows, store), ranks: ranks,
                                          count: tasks ?? rows.count)
        let rowsOut = replay.rows
        if json {
            let data = try JSONSerialization.data(withJSONObject: rowsOut.map(\.json), options: [.sortedKeys, .prettyPrinted])
            printFlushed(String(decoding: data, as: UTF8.self))
            return
        }
        printFlushed("\(replay.tasks) tasks (from \(rows.count) recorded) on \(ranks) ranks")
        for row in rowsOut { printFlushed(row.text) }
        printFlushed("(history: each task predicted by the model calibrated on the other recorded tasks, 5-fold; "
                     + "composition: by the mean measured time of its kind and formula in this record, i.e. "
                     + "average costs known exactly but not how each run goes; "
                     + "exact: the same policy if every prediction had equalled the measured time; "
                     + "the gap to it is the cost model's, not the policy's)")
    }

    /// The formula of each recorded task's input structure, by content hash.
    private func formulaByInput(_ rows: [TaskRecord], _ store: ResultsStore) throws -> [String: String] {
        var formulas: [String: String] = [:]
        for hash in Set(rows.compactMap(\.inputHash)) {
            formulas[hash] = try store.structureRecord(hash: hash)?.formula
        }
        return formulas
    }
}

/// How `simulate` prints one replay.
extension SchedulingReplay.Row {
    var json: [String: Any] {
        ["policy": policy.rawValue, "predictions": predictions, "ranks": outcome.workers, "tasks": outcome.tasks,
         "makespan_seconds": outcome.makespanSeconds, "busy_seconds": outcome.busySeconds,
         "efficiency": outcome.efficiency, "lower_bound_seconds": outcome.lowerBoundSeconds]
    }

    var text: String {
        String(format: "%-14@ %-9@ predictions: makespan %.1f s (lower bound %.1f s), efficiency %.3f",
               policy.rawValue, predictions, outcome.makespanSeconds, outcome.lowerBoundSeconds, outcome.efficiency)
    }
}
