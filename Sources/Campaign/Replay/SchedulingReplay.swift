import Scheduler
import Store

/// The recorded tasks of a database replayed through the real dispatch policy on simulated ranks:
/// each policy with the recorded predictions, and longest-first with predictions from history
/// (cross-validated), from composition (mean of the same kind and formula) and exact (the ceiling).
public enum SchedulingReplay {
    /// One replay: a policy, which predictions it saw, and what it measured.
    public struct Row: Sendable {
        public var policy: Dispatcher.Policy
        public var predictions: String
        public var outcome: ReplaySimulator.Outcome
    }

    /// Replays `rows` (finished tasks with measured times) as `count` tasks on `ranks` workers;
    /// `formulas` names each input structure's formula by content hash.
    public static func run(_ rows: [TaskRecord], formulas: [String: String], ranks: Int, count: Int)
        -> (tasks: Int, rows: [Row]) {
        let replay = ReplayTasks(rows: rows, count: count)
        func longestFirst(_ predictions: String, _ replayed: ReplayTasks) -> Row {
            Row(policy: .longestFirst, predictions: predictions,
                outcome: ReplaySimulator.run(replayed.tasks, workers: ranks, policy: .longestFirst))
        }
        let composition = CostModel.compositionMeans(rows) { formulas[$0.inputHash ?? ""] ?? $0.structureName }
        let out = Dispatcher.Policy.allCases.map { policy in
            Row(policy: policy, predictions: "recorded", outcome: ReplaySimulator.run(replay.tasks, workers: ranks, policy: policy))
        } + [longestFirst("history", ReplayTasks(rows: CostModel.crossValidated(rows), count: count)),
             longestFirst("composition", ReplayTasks(rows: composition, count: count)),
             longestFirst("exact", replay.withExactPredictions())]
        return (replay.tasks.count, out)
    }
}

