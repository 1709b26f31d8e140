import Campaign
import Engine
import Foundation
import Work

/// A worker's engine for campaign tasks: a helper process (`EngineHelperClient`) or this process
/// (`TaskExecutor`), as `--isolation` chose.
final class TaskRunner {
    private let helper: EngineHelperClient?
    private let local: TaskExecutor?

    init(isolation: EngineIsolation, threads: Int) throws {
        switch isolation {
        case .isolated:
            helper = EngineHelperClient(executable: Self.ownExecutable, arguments: ["--threads", "\(threads)"],
                                        host: HostInfo.name)
            local = nil
        case .inProcess:
            helper = nil
            local = TaskExecutor(calculator: try EngineSelection.routed(.auto).calculator(),
                                 host: HostInfo.name)
        }
    }

    /// An encoded order in, an encoded report out.
    func execute(_ payload: [UInt8]) -> [UInt8] {
        helper?.execute(payload) ?? local?.execute(payload) ?? []
    }

    /// Ends the helper process, if any.
    func stop() { helper?.stop() }

    /// This program's own file (the helper is the same binary), independent of the working directory.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
