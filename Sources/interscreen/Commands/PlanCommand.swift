import ArgumentParser
import Campaign
import Engine
import Foundation
import Structures
import Work

/// `interscreen plan --cores C`: times a sample at every ranks × threads split of C cores and recommends one.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Time GFN2 single points at each ranks × threads split of C cores here; recommend the fastest.",
        discussion: """
        Each split runs R processes of T OpenMP/OpenBLAS threads at once (as a campaign's ranks \
        would), each computing the same number of single points of the sample (default: a 35-atom \
        Zn-imidazolate glass fragment); throughput is tasks / the slowest rank's busy time. Takes a \
        few seconds. Use a sample as large as your campaign's structures: threads pay off only for \
        large ones. In a batch job, add rank 0 (it only coordinates) on top of the R ranks.
        """
    )

    @Option(parsing: .unconditional, help: "Cores to split (e.g. the cores of one node).")
    var cores: Int?

    @Option(help: "Structure file to time (default: the built-in Zn(Im)2(HIm)2 fragment).")
    var sample: String?

    @Option(parsing: .unconditional, help: "Seconds of single points per split to aim for (the run takes a few times this).")
    var seconds: Double = 1.5

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: .hidden)
    var worker = false

    @Option(parsing: .unconditional, help: .hidden)
    var threads: Int = 1

    @Option(parsing: .unconditional, help: .hidden)
    var `repeat`: Int = 1

    func validate() throws {
        if !worker {
            guard cores != nil else { throw ValidationError("--cores C (≥ 1) is required") }
            try OptionRange.atLeast(1, cores, "--cores")
        }
        try OptionRange.positive(seconds, "--seconds")
        try OptionRange.atLeast(1, threads, "--threads")
        try OptionRange.atLeast(1, `repeat`, "--repeat")
    }

    func run() throws {
        if worker { return try timeSinglePoints() }
        let file = try sampleFile()
        defer { if sample == nil { try? FileManager.default.removeItem(atPath: file) } }
        let timer = SplitTimer(executable: BatchSubmitter.currentExecutable, sample: file)
        let probe = try timer.measure(.init(ranks: 1, threads: 1), tasksPerRank: 2)
        let perRank = max(2, min(200, Int((seconds / max(probe.secondsPerTask, 1e-3)).rounded(.up))))
        let timings = try SplitTimer.Split.all(cores: cores ?? 1).map { try timer.measure($0, tasksPerRank: perRank) }
        guard let best = timings.max(by: { $0.throughput < $1.throughput }) else { return }
        if json {
            let objects = timings.map {
                ["ranks": $0.split.ranks, "threads": $0.split.threads, "tasks": $0.tasks,
                 "seconds_per_task": $0.secondsPerTask, "tasks_per_second": $0.throughput] as [String: Any]
            }
            let object: [String: Any] = ["cores": cores ?? 1, "sample": file, "splits": objects,
                                         "best": ["ranks": best.split.ranks, "threads": best.split.threads]]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            printFlushed(String(decoding: data, as: UTF8.self))
            return
        }
        printFlushed("sample \(sample ?? "Zn(Im)2(HIm)2 (built in, 35 atoms)"), GFN2-xTB single points, "
            + "\(perRank) per rank, on \(cores ?? 1) core(s) of \(HostInfo.name) (\(ProcessInfo.processInfo.activeProcessorCount) online)")
        printFlushed("ranks × threads   tasks   s/task   tasks/s   relative")
        for t in timings {
            let name = t.split.description.padding(toLength: 17, withPad: " ", startingAt: 0)
            printFlushed(name + String(format: " %5d   %6.3f   %7.2f   %.2f", t.tasks, t.secondsPerTask, t.throughput,
                                       t.throughput / best.throughput) + (t.split == best.split ? "  ← best" : ""))
        }
        printFlushed("recommendation: --ranks-per-node \(best.split.ranks) --threads-per-rank \(best.split.threads) "
            + "(mpirun -n \(best.split.ranks + 1): rank 0 only coordinates)")
    }

    /// The worker: `repeat` single points of the sample; prints {"seconds": [...]}.
    private func timeSinglePoints() throws {
        ThreadControl.apply(threads: threads)
        guard let sample else { throw ValidationError("--sample is required") }
        let structure = try StructureFile.read(path: sample)
        let calculator = try EngineSelection.routed(.xtb).calculator()
        var seconds: [Double] = []
        for _ in 0..<max(1, self.repeat) {
            let start = Date()
            _ = try calculator.singlePoint(structure, settings: Settings())
            seconds.append(Date().timeIntervalSince(start))
        }
        let data = try JSONSerialization.data(withJSONObject: ["seconds": seconds])
        printFlushed(String(decoding: data, as: UTF8.self))
    }

    private func sampleFile() throws -> String {
        if let sample {
            _ = try StructureFile.read(path: sample)
            return sample
        }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("interscreen-plan-sample-\(getpid()).extxyz").path
        try PlanSample.extendedXYZ.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
