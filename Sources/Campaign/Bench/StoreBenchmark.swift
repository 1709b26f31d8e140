import Engine
import Foundation
import Scheduler
import Store
import Structures
import Work

/// What `bench/store` measures (`interscreen bench-store`): result commits per second, rank 0's
/// whole path per task through the real `CampaignCoordinator`, and the planning time of a first
/// run and of a resume. Scratch databases live in `directory` and are removed when it ends.
public struct StoreBenchmark {
    /// Rates and times of one measurement.
    public struct Result: Sendable {
        /// Rows per second, by results per transaction.
        public var commitRates: [Int: Double]
        /// Finished tasks per second through the coordinator, by results arriving together.
        public var campaignRates: [Int: Double]
        public var firstPlanSeconds: Double
        public var resumePlanSeconds: Double
        /// The store's part of the resume plan (crash recovery and reading the task rows).
        public var resumeStoreSeconds: Double
    }

    let rows: Int
    let tasks: Int
    let batches: [Int]
    let directory: String

    public init(rows: Int, tasks: Int, batches: [Int], directory: String) {
        self.rows = rows
        self.tasks = tasks
        self.batches = batches
        self.directory = directory
    }

    /// Runs every measurement once.
    public func run() throws -> Result {
        // The scratch databases (~30 MB each) go when the measurement ends, whatever happens.
        let names = ["plan"] + batches.flatMap { ["commits-\($0)", "campaign-\($0)"] }
        defer { for name in names { _ = freshPath(name) } }
        var result = Result(commitRates: [:], campaignRates: [:], firstPlanSeconds: 0, resumePlanSeconds: 0,
                            resumeStoreSeconds: 0)
        for batch in batches {
            result.commitRates[batch] = try measureCommits(batch: batch)
            result.campaignRates[batch] = try measureCampaign(batch: batch)
        }
        (result.firstPlanSeconds, result.resumePlanSeconds, result.resumeStoreSeconds) = try measurePlanning()
        return result
    }

    /// Commits `rows` single-point results (structure + calculation), `batch` per transaction.
    private func measureCommits(batch: Int) throws -> Double {
        let store = try ResultsStore(path: freshPath("commits-\(batch)"))
        let result = benchResult
        let structures = benchStructures().map { ($0, $0.contentHash) }
        let start = Date()
        for first in stride(from: 0, to: structures.count, by: max(1, batch)) {
            try store.write { transaction in
                for (s, hash) in structures[first..<min(first + max(1, batch), structures.count)] {
                    try transaction.saveCalculation(of: s, hash: hash, sourceFile: nil, settings: Settings(), result: result,
                                                    runID: nil, startedAt: start, finishedAt: start, host: "bench",
                                                    version: "bench")
                }
            }
        }
        return Double(rows) / Date().timeIntervalSince(start)
    }

    /// Runs a campaign of `rows` single points through rank 0's real path (`CampaignCoordinator`:
    /// dispatch, report decoding, the commits, the dispatcher and the tally), with ready-made
    /// worker reports handed back `batch` at a time, as results that reach rank 0 together are.
    /// Returns finished tasks per second.
    private func measureCampaign(batch: Int) throws -> Double {
        let store = try ResultsStore(path: freshPath("campaign-\(batch)"))
        let run = try store.beginRun(command: ["bench-store"], version: "bench", host: "bench")
        let settings = Settings()
        let tasks = benchStructures().enumerated().map { i, s in
            PlannedTask(index: i, key: "\(s.name)/sp", kind: .singlePoint, structureName: s.name, input: s,
                        settings: settings, predictedSeconds: 1)
        }
        let coordinator = try CampaignCoordinator(plan: CampaignPlan(campaign: "bench", tasks: tasks), store: store,
                                                  runID: run.id ?? 0, host: "bench", version: "bench")
        let reports = tasks.map { task in
            TaskReport(id: task.index, report: WorkReport(settingsUsed: settings, result: benchResult, attempts: 1),
                       wallSeconds: 0.001, host: "bench", startedAt: Date()).encoded()
        }
        let start = Date()
        while !coordinator.isDrained {
            let handedOut = coordinator.nextTasks(limit: batch)
            coordinator.complete(handedOut.map { FinishedTask(id: $0.id, result: reports[$0.id], rank: 1) })
        }
        let seconds = Date().timeIntervalSince(start)
        precondition(coordinator.progress.done == rows, "campaign bench: not every task finished")
        return Double(rows) / seconds
    }

    /// `rows` distinct small structures (water, one coordinate shifted).
    private func benchStructures() -> [Structure] {
        let base = Structure(name: "water", atomicNumbers: [8, 1, 1],
                             positions: [Vec3(0, 0, 0.1173), Vec3(0, 0.7572, -0.4692), Vec3(0, -0.7572, -0.4692)])
        return (0..<rows).map { i in
            var s = base
            s.name = "water-\(i)"
            s.positions[0].x = Double(i) * 1e-4
            return s
        }
    }

    private var benchResult: CalculationResult {
        CalculationResult(energy: -5.07, gradient: [[0, 0, 1e-3], [0, 1e-3, 0], [0, -1e-3, 0]],
                          charges: [-0.6, 0.3, 0.3], gapEV: 14.4, sccIterations: nil, sccConverged: true,
                          wallSeconds: 0.001, engine: "bench")
    }

    /// Plans a campaign of `tasks` (first run), marks half done, then times the resume plan (and,
    /// within it, the store's part: crash recovery and reading the task rows).
    private func measurePlanning() throws -> (first: Double, resume: Double, resumeStore: Double) {
        let store = try ResultsStore(path: freshPath("plan"))
        let planned = (0..<tasks).map { i in
            TaskRecord(campaign: "bench", key: "s\(i)/sp", kind: "singlepoint", structureName: "s\(i)", inputHash: "h\(i)",
                       definitionHash: "d\(i)", settingsHash: "s", predictedSeconds: Double(i % 97))
        }
        var clock = Date()
        var rows = try store.syncTasks(campaign: "bench", planned: planned)
        let first = Date().timeIntervalSince(clock)
        for i in stride(from: 0, to: rows.count, by: 2) { rows[i].state = .done }
        try store.updateTasks(rows)
        clock = Date()
        _ = try store.recoverCrashedTasks(campaign: "bench")
        let resumed = try store.syncTasks(campaign: "bench", planned: planned)
        let resumeStore = Date().timeIntervalSince(clock)
        var dispatcher = Dispatcher(nodes: planned.indices.map { .init(id: $0, predictedSeconds: planned[$0].predictedSeconds) })
        for (i, row) in resumed.enumerated() where row.state == .done { dispatcher.skip(i, succeeded: true) }
        let resume = Date().timeIntervalSince(clock)
        precondition(dispatcher.readyCount == tasks / 2, "resume plan is wrong")
        return (first, resume, resumeStore)
    }

    /// The scratch database `name` of this process, removed (with its WAL) if it exists.
    private func freshPath(_ name: String) -> String {
        let path = (directory as NSString).appendingPathComponent("interscreen-bench-\(name)-\(getpid()).sqlite")
        // Scratch files of a measurement: a missing one is the expected case, nothing is lost.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }
}
