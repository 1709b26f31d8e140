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
        let count = tasks ?? rows.count
        let replay = ReplayTasks(rows: rows, count: count)
        func longestFirst(_ predictions: String, _ replayed: ReplayTasks) -> Row {
            Row(policy: .longestFirst, predictions: predictions,
                outcome: ReplaySimulator.run(replayed.tasks, workers: ranks, policy: .longestFirst))
        }
        let formulas = try formulaByInput(rows, store)
        let composition = CostModel.compositionMeans(rows) { formulas[$0.inputHash ?? ""] ?? $0.structureName }
        let rowsOut = Dispatcher.Policy.allCases.map { policy in
            Row(policy: policy, predictions: "recorded", outcome: ReplaySimulator.run(replay.tasks, workers: ranks, policy: policy))
        } + [longestFirst("history", ReplayTasks(rows: CostModel.crossValidated(rows), count: count)),
             longestFirst("composition", ReplayTasks(rows: composition, count: count)),
             longestFirst("exact", replay.withExactPredictions())]
        if json {
            let data = try JSONSerialization.data(withJSONObject: rowsOut.map(\.json), options: [.sortedKeys, .prettyPrinted])
            printFlushed(String(decoding: data, as: UTF8.self))
            return
        }
        printFlushed("\(replay.tasks.count) tasks (from \(rows.count) recorded) on \(ranks) ranks")
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

    /// One replay: a policy, which predictions it saw, and what it measured.
    private struct Row {
        var policy: Dispatcher.Policy
        var predictions: String
        var outcome: ReplaySimulator.Outcome

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
}

/// Recorded tasks turned into replay tasks, keeping each structure's opt → sp pair together.
struct ReplayTasks {
    var tasks: [ReplaySimulator.Task] = []

    init(rows: [TaskRecord], count: Int) {
        let groups = Dictionary(grouping: rows) { "\($0.campaign)/\($0.structureName)" }.values
            .map { $0.sorted { $0.kind == "optimization" && $1.kind != "optimization" } }
            .sorted { $0[0].key < $1[0].key }
        var generator = SplitMix64(seed: 20261125)
        var index = 0
        while tasks.count < count {
            // First every recorded structure once, then resampled ones.
            let group = index < groups.count ? groups[index] : groups[Int(generator.next() % UInt64(groups.count))]
            index += 1
            var previous: Int?
            for row in group where tasks.count < count {
                let id = tasks.count
                tasks.append(.init(node: .init(id: id, predictedSeconds: row.predictedSeconds,
                                               dependencies: previous.map { [$0] } ?? []),
                                   actualSeconds: row.wallSeconds ?? 0))
                previous = id
            }
        }
    }
}

extension ReplayTasks {
    /// The same tasks with every prediction set to the measured time: the policy's ceiling.
    func withExactPredictions() -> ReplayTasks {
        var copy = self
        for i in copy.tasks.indices { copy.tasks[i].node.predictedSeconds = copy.tasks[i].actualSeconds }
        return copy
    }
}

/// A small deterministic random generator (resampling must be reproducible).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
