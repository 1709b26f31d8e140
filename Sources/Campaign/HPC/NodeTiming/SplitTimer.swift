import Foundation
import Processes

/// Times single points of a sample at one ranks × threads split of a node: R processes
/// (`interscreen plan --worker`), each with T threads, all at once, as a campaign's ranks run.
public struct SplitTimer: Sendable {
    /// R ranks of T threads each.
    public struct Split: Sendable, Equatable, CustomStringConvertible {
        public var ranks: Int
        public var threads: Int
        public var description: String { "\(ranks) × \(threads)" }

        public init(ranks: Int, threads: Int) {
            self.ranks = ranks
            self.threads = threads
        }

        /// Every way to fill `cores` exactly, most ranks first.
        public static func all(cores: Int) -> [Split] {
            (1...max(1, cores)).filter { cores % $0 == 0 }.reversed().map { Split(ranks: $0, threads: cores / $0) }
        }
    }

    /// What one split achieved.
    public struct Timing: Sendable {
        public var split: Split
        public var tasks: Int
        /// Mean seconds of one single point on one rank (with its threads).
        public var secondsPerTask: Double
        /// Single points per second of the whole node: tasks / the slowest rank's busy time.
        public var throughput: Double
    }

    /// The interscreen binary (`plan --worker` times the single points) and the sample's file.
    public let executable: String
    public let sample: String

    public init(executable: String, sample: String) {
        self.executable = executable
        self.sample = sample
    }

    /// Runs `split` with `tasksPerRank` single points on each rank.
    public func measure(_ split: Split, tasksPerRank: Int) throws -> Timing {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Only the timing processes' temporary outputs: one that cannot be removed stays in the temporary folder.
        defer { try? FileManager.default.removeItem(at: folder) }
        let workers = try (0..<split.ranks).map { rank in
            let output = folder.appendingPathComponent("rank-\(rank).json").path
            return (try launch(threads: split.threads, repeat: tasksPerRank, output: output), output)
        }
        var perRank: [[Double]] = []
        for (child, output) in workers {
            let ended = child.wait(timeout: .seconds(3600)) ?? child.terminate()
            guard ended == .exited(0) else {
                throw PlanError("a timing process failed (\(ended?.description ?? "no end")) on \(sample)")
            }
            perRank.append(try Self.seconds(in: ChildProcess.readText(output)))
        }
        let all = perRank.flatMap { $0 }
        let slowest = perRank.map { $0.reduce(0, +) }.max() ?? 0
        return Timing(split: split, tasks: all.count, secondsPerTask: all.reduce(0, +) / Double(max(1, all.count)),
                      throughput: slowest > 0 ? Double(all.count) / slowest : 0)
    }

    /// The per-task seconds a timing process printed ({"seconds": [...]}).
    private static func seconds(in text: String) throws -> [Double] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw PlanError("a timing process printed no timings (\(error)): \(text.prefix(200))")
        }
        guard let seconds = (object as? [String: Any])?["seconds"] as? [Double] else {
            throw PlanError("a timing process printed no timings: \(text.prefix(200))")
        }
        return seconds
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
