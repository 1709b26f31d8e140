import Foundation

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
        let workers = try (0..<split.ranks).map { _ in try launch(threads: split.threads, repeat: tasksPerRank) }
        var perRank: [[Double]] = []
        for (process, pipe) in workers {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let seconds = object["seconds"] as? [Double] else {
                throw PlanError("a timing process failed (status \(process.terminationStatus)) on \(sample)")
            }
            perRank.append(seconds)
        }
        let all = perRank.flatMap { $0 }
        let slowest = perRank.map { $0.reduce(0, +) }.max() ?? 0
        return Timing(split: split, tasks: all.count, secondsPerTask: all.reduce(0, +) / Double(max(1, all.count)),
                      throughput: slowest > 0 ? Double(all.count) / slowest : 0)
    }

    private func launch(threads: Int, repeat count: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["plan", "--worker", "--sample", sample, "--threads", "\(threads)", "--repeat", "\(count)"]
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_NUM_THREADS"] = "\(threads)"
        environment["OPENBLAS_NUM_THREADS"] = "\(threads)"
        environment["OMP_STACKSIZE"] = environment["OMP_STACKSIZE"] ?? "512M"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
        return (process, pipe)
    }
}

/// A `plan` measurement that could not be made.
struct PlanError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
