import ArgumentParser
import Engine
import Foundation
import Scheduler
import Store
import Structures

/// `interscreen bench-store` (hidden; driven by bench/store): commit rate and resume planning time.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store", abstract: "Measure result commits per second and resume planning time.",
        shouldDisplay: false)

    @Option(help: "Result rows to commit, one transaction each.")
    var rows: Int = 10_000

    @Option(help: "Tasks in the campaign whose resume is planned.")
    var tasks: Int = 100_000

    @Option(help: "Scratch folder for the databases.")
    var dir: String = NSTemporaryDirectory()

    func run() throws {
        // The scratch databases (~30 MB) go when the measurement ends, whatever happens.
        defer { for name in ["commits", "plan"] { _ = freshPath(name) } }
        let commitRate = try measureCommits()
        let planning = try measurePlanning()
        let object: [String: Any] = ["rows": rows, "rows_per_second": commitRate, "tasks": tasks,
                                     "first_plan_seconds": planning.first, "resume_plan_seconds": planning.resume,
                                     "resume_store_seconds": planning.resumeStore]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        printFlushed(String(decoding: data, as: UTF8.self))
    }

    /// Commits `rows` single-point results (structure + calculation, one transaction each).
    private func measureCommits() throws -> Double {
        let store = try ResultsStore(path: freshPath("commits"))
        let base = Structure(name: "water", atomicNumbers: [8, 1, 1],
                             positions: [Vec3(0, 0, 0.1173), Vec3(0, 0.7572, -0.4692), Vec3(0, -0.7572, -0.4692)])
        let result = CalculationResult(energy: -5.07, gradient: [[0, 0, 1e-3], [0, 1e-3, 0], [0, -1e-3, 0]],
                                       charges: [-0.6, 0.3, 0.3], gapEV: 14.4, sccIterations: nil, sccConverged: true,
                                       wallSeconds: 0.001, engine: "bench")
        let structures = (0..<rows).map { i -> (Structure, String) in
            var s = base
            s.positions[0].x = Double(i) * 1e-4
            return (s, s.contentHash)
        }
        let start = Date()
        for (s, hash) in structures {
            try store.saveCalculation(of: s, hash: hash, sourceFile: nil, settings: Settings(), result: result, runID: nil,
                                      startedAt: start, finishedAt: start, host: "bench", version: "bench")
        }
        return Double(rows) / Date().timeIntervalSince(start)
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
