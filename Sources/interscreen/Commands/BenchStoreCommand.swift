import ArgumentParser
import Campaign
import Foundation

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
        let result = try StoreBenchmark(rows: rows, tasks: tasks, batches: batches, directory: dir).run()
        func keyed(_ rates: [Int: Double]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: rates.map { (String($0.key), $0.value) })
        }
        let object: [String: Any] = ["rows": rows, "rows_per_second": result.commitRates[1] ?? 0, "tasks": tasks,
                                     "rows_per_second_by_batch": keyed(result.commitRates),
                                     "campaign_tasks_per_second": keyed(result.campaignRates),
                                     "first_plan_seconds": result.firstPlanSeconds,
                                     "resume_plan_seconds": result.resumePlanSeconds,
                                     "resume_store_seconds": result.resumeStoreSeconds]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        printFlushed(String(decoding: data, as: UTF8.self))
    }
}
