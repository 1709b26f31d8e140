import Foundation
import Processes

/// Times single points of a sample at one ranks × threads split of a node: R processes
/// (`interscreen plan --worker`), each with T threads, all at once, as a campaign's ranks run.
struct SplitTimer {
    /// R ranks of T threads each.
    struct Split: Sendable, Equatable, CustomStringConvertible {
        var ranks: Int
        var threads: Int
        var description: String { "\(ranks) × \(threads)" }

        /// Every way to fill `cores` exactly, most ranks first.
        static func all(cores: Int) -> [Split] {
            (1...max(1, cores)).filter { cores % $0 == 0 }.reversed().map { Split(ranks: $0, threads: cores / $0) }
        }
    }

    /// What one split achieved.
    struct Timing: Sendable {
        var split: Split
        var tasks: Int
        /// Mean seconds of one single point on one rank (with its threads).
        var secondsPerTask: Double
        /// Single points per second of the whole node: tasks / the slowest rank's busy time.
        var throughput: Double
    }

    let executable: String
    let sample: String

    /// Runs `split` with `tasksPerRank` single points on each rank.
    func measure(_ split: Split, tasksPerRank: Int) throws -> Timing {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workers = try (0..<split.ranks).map { rank in
            let output = folder.appendingPathComponent("rank-\(rank).json").path
            return (try launch(threads: split.threads, repeat: tasksPerRank, output: output), output)
        }
        var perRank: [[Double]] = []
        for (child, output) in workers {
            let ended = child.wait(timeout: .seconds(3600)) ?? child.terminate()
            guard ended == .exited(0),
                  let object = try? JSONSerialization.jsonObject(with: Data(ChildProcess.readText(output).utf8)) as? [String: Any],
                  let seconds = object["seconds"] as? [Double] else {
                throw PlanError("a timing process failed (\(ended?.description ?? "no end")) on \(sample)")
            }
            perRank.append(seconds)
        }
        let all = perRank.flatMap { $0 }
        let slowest = perRank.map { $0.reduce(0, +) }.max() ?? 0
        return Timing(split: split, tasks: all.count, secondsPerTask: all.reduce(0, +) / Double(max(1, all.count)),
                      throughput: slowest > 0 ? Double(all.count) / slowest : 0)
    }

    private func launch(threads: Int, repeat count: Int, output: String) throws -> ChildProcess {
        var environment = Command.inheritedEnvironment(["OMP_NUM_THREADS": "\(threads)", "OPENBLAS_NUM_THREADS": "\(threads)"])
        environment["OMP_STACKSIZE"] = environment["OMP_STACKSIZE"] ?? "512M"
        var command = Command(executable, ["plan", "--worker", "--sample", sample, "--threads", "\(threads)",
                                           "--repeat", "\(count)"], environment: environment)
        command.standardOutput = .file(output)
        return try ChildProcess(command)
    }
}

/// A `plan` measurement that could not be made.
struct PlanError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
