import ArgumentParser
import Campaign
import Engine
import Foundation
import Structures
import Work

/// `interscreen bench-isolation` (hidden; driven by bench/isolation): seconds per single-point
/// task computed in this process (`TaskExecutor`) and through an engine helper (`EngineHelperClient`).
struct BenchIsolationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-isolation", abstract: "Measure what the engine helper process costs per task.",
        shouldDisplay: false)

    @Argument(help: "Structure files, each measured on its own.")
    var files: [String]

    @Option(parsing: .unconditional, help: "Tasks per round and path.")
    var tasks: Int = 20

    @Option(parsing: .unconditional, help: "Rounds; the two paths alternate within each round.")
    var rounds: Int = 7

    func validate() throws {
        try OptionRange.atLeast(1, tasks, "--tasks")
        try OptionRange.atLeast(1, rounds, "--rounds")
    }

    func run() throws {
        ThreadControl.apply(threads: 1)
        let local = TaskExecutor(calculator: try EngineSelection.routed(.auto).calculator(), host: HostInfo.name)
        let helper = EngineHelperClient(executable: TaskRunner.ownExecutable, arguments: ["--threads", "1"],
                                        host: HostInfo.name)
        defer { helper.stop() }
        var rows: [[String: Any]] = []
        for file in files {
            let structure = try StructureFile.read(path: file)
            let order = TaskOrder(id: 0, key: "bench/sp", kind: .singlePoint, structure: structure, settings: Settings())
            let payload = try order.encoded()
            _ = local.execute(payload)          // warm-up: libxtb's first call, the helper's start
            _ = helper.execute(payload)
            var inProcess: [Double] = []
            var isolated: [Double] = []
            for _ in 0..<rounds {
                inProcess.append(Self.secondsPerTask(tasks) { _ = local.execute(payload) })
                isolated.append(Self.secondsPerTask(tasks) { _ = helper.execute(payload) })
            }
            rows.append(["file": file, "atoms": structure.count, "in_process": Self.median(inProcess),
                         "isolated": Self.median(isolated)])
        }
        let data = try JSONSerialization.data(withJSONObject: ["tasks": tasks, "rounds": rounds, "results": rows],
                                              options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    private static func secondsPerTask(_ count: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure { for _ in 0..<count { body() } }
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(count)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
