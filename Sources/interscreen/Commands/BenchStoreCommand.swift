import ArgumentParser
import Campaign
import Engine
import Foundation
import Scheduler
import Store
import Structures
import Work

/// `interscreen bench-store` (hidden; driven by bench/store): commit rate and resume planning time.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store", abstract: "Measure result commits per second and resume planning time.",
        shouldDisplay: false)

    @Option(parsing: .unconditional, help: "Result rows to commit (and single-point tasks to run through the coordinator), per batch size.")
    var rows: Int = 10_000

    @Option(parsing: .unconditional, help: "Tasks in the campaign whose resume is planned.")
    var tasks: Int = 100_000

    @Option(parsing: .upToNextOption,
            help: "Results per transaction, and results handed to the campaign coordinator together (one measurement each).")
    var batches: [Int] = [1, 8, 64]

    @Option(help: "Scratch folder for the databases.")
    var dir: String = NSTemporaryDirectory()

    func validate() throws {
        try OptionRange.atLeast(1, rows, "--rows")
        try OptionRange.atLeast(1, tasks, "--tasks")
        if let bad = batches.first(where: { $0 < 1 }) { throw ValidationError("--batches must be ≥ 1 (got \(bad))") }
    }

    func run() throws {
        // The scratch databases (~30 MB each) go when the measurement ends, whatever happens.
        let names = ["plan"] + batches.flatMap { ["commits-\($0)", "campaign-\($0)"] }
        defer { for name in names { _ = freshPath(name) } }
        var commitRates: [String: Double] = [:]
        var campaignRates: [String: Double] = [:]
        for batch in batches {
            commitRates[String(batch)] = try measureCommits(batch: batch)
            campaignRates[String(batch)] = try measureCampaign(batch: batch)
        }
        let planning = try measurePlanning()
        let object: [String: Any] = ["rows": rows, "rows_per_second": commitRates["1"] ?? 0, "tasks": tasks,
                                     "rows_per_second_by_batch": commitRates,
                                     "campaign_tasks_per_second": campaignRates,
                                     "first_plan_seconds": planning.first, "resume_plan_seconds": planning.resume,
                                     "resume_store_seconds": planning.resumeStore]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        printFlushed(String(decoding: data, as: UTF8.self))
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
        let path = (dir as NSString).appendingPathComponent("interscreen-bench-\(name)-\(getpid()).sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }
}
