import ArgumentParser
import Campaign
import Foundation
import Scheduler
import Store

/// `interscreen estimate JOB.toml --ranks N`: predicted core-hours and makespan of a campaign.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Predict a campaign's engine time, makespan on N ranks and core-hours (cost model, calibrated to history).",
        discussion: """
        Predictions come from the size model (basis functions^2.5 per method); when the database \
        exists, every finished task in it calibrates the model (median measured / predicted per task \
        kind) and this campaign's done tasks are left out. The makespan replays the predictions \
        through the real dispatch policy on N compute ranks (rank 0, which only coordinates, is extra).
        """
    )

    @Argument(help: "The job spec (TOML).")
    var spec: String

    @Option(parsing: .unconditional, help: "Compute ranks (rank 0, which only coordinates, is not counted).")
    var ranks: Int

    @Option(parsing: .unconditional, help: "Threads per rank: multiplies the cores charged (the model's times are per rank).")
    var threadsPerRank: Int = 1

    @Option(help: "Results database with history (default: the spec's, when it exists).")
    var db: String?

    @Option(help: ArgumentHelp("Estimate only part i of K (as run --shard).", valueName: "i/K"))
    var shard: String?

    @Flag(help: "Count every task, also those the database has done (the campaign from scratch).")
    var all = false

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        try OptionRange.atLeast(1, ranks, "--ranks")
        try OptionRange.atLeast(1, threadsPerRank, "--threads-per-rank")
    }

    func run() throws {
        let full = try JobSpecParser.parse(path: spec)
        let part = try shard.map { try CampaignShard(parsing: $0) }
        let job = part.map { $0.select(full) } ?? full
        let path = db ?? part.map { $0.databasePath(for: full.database) } ?? full.database
        let history = FileManager.default.fileExists(atPath: path) ? try OpenedDatabase.open(path, .read).tasks() : []
        let plan = CampaignPlan(spec: job)
        let e = CampaignEstimate(plan: plan, history: history, ranks: ranks, threadsPerRank: threadsPerRank,
                                 includeDone: all)
        // A walltime to ask for: the makespan with half again as much, plus the default deadline margin.
        let suggested = Walltime(seconds: max(60, Int((e.makespanSeconds * 1.5 + 120).rounded(.up))))
        if json {
            let object: [String: Any] = [
                "campaign": plan.campaign, "tasks": e.tasks, "remaining_tasks": e.remainingTasks, "ranks": e.ranks,
                "threads_per_rank": e.threadsPerRank, "work_seconds": e.workSeconds,
                "makespan_seconds": e.makespanSeconds, "lower_bound_seconds": e.lowerBoundSeconds,
                "efficiency": e.efficiency, "core_hours": e.coreHours, "work_core_hours": e.workCoreHours,
                "scale": e.scale, "exponent": e.exponent, "history_samples": e.historySamples, "suggested_walltime": suggested.description,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            printFlushed(String(decoding: data, as: UTF8.self))
            return
        }
        printFlushed("campaign \(plan.campaign)\(part.map { " shard \($0)" } ?? ""): \(e.tasks) tasks, "
            + "\(e.remainingTasks) " + (all ? "estimated (--all)" : "still to run"))
        let scales = e.scale.sorted { $0.key < $1.key }.map { kind, scale in
            String(format: "%@ ×%.3g", kind, scale) + (e.exponent[kind].map { String(format: " · model^%.2f", $0) } ?? "")
        }
        printFlushed(e.historySamples == 0 || scales.isEmpty
            ? "model: size model, uncalibrated (no finished tasks in \(path))"
            : "model: calibrated from \(e.historySamples) finished task(s) in \(path): " + scales.joined(separator: ", "))
        printFlushed(String(format: "work: %.1f s of engine time = %.4f core-h (one core per task)",
                            e.workSeconds, e.workCoreHours))
        printFlushed(String(format: "on %d rank(s) × %d thread(s): makespan %.1f s (lower bound %.1f s, efficiency %.2f), "
            + "%.4f core-h charged", e.ranks, e.threadsPerRank, e.makespanSeconds, e.lowerBoundSeconds, e.efficiency,
            e.coreHours))
        printFlushed("suggested walltime: \(suggested) (makespan × 1.5 + 2 min)")
    }
}
