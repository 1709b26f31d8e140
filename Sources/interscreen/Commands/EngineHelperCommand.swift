import ArgumentParser
import Campaign
import Engine
import Foundation
import Processes
import Work

/// `interscreen engine-helper` (hidden): a worker's engine process. Reads task orders on stdin,
/// writes reports, one frame each (`FrameChannel`), until end of file. See `EngineHelperClient`.
struct EngineHelperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine-helper", abstract: "Compute task orders from a campaign worker (internal).",
        shouldDisplay: false)

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads.")
    var threads: Int = 1

    func validate() throws {
        try OptionRange.atLeast(1, threads, "--threads")
    }

    func run() throws {
        let parent = ProcessInfo.processInfo.environment["INTERSCREEN_HELPER_PARENT"].flatMap { pid_t($0) }
        ParentDeath.dieWithParent(expected: parent)
        // The worker decides when to stop (after the task, or never when the job is killed).
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        ThreadControl.apply(threads: threads)
        // Replies go on a copy of stdout; stdout itself becomes stderr, so nothing the engine
        // prints can corrupt a reply.
        let replies = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let channel = FrameChannel(input: STDIN_FILENO, output: replies)
        let executor = TaskExecutor(calculator: try EngineSelection.routed(.auto).calculator(),
                                    host: HostInfo.name)
        let hook = EngineCrashHook.fromEnvironment()
        let hold = EngineHoldHook.fromEnvironment()
        while let frame = channel.receive() {
            guard let order = try? TaskOrder.decode(frame) else {
                try channel.send(executor.execute(frame))   // reports the undecodable order
                continue
            }
            hold?.hold(taskKey: order.key)
            let report = executor.execute(order)
            hook?.strike(taskKey: order.key)
            try channel.send(report.encoded())
        }
    }
}
