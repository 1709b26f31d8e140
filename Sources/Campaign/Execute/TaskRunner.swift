import Engine
import Foundation
import Work

/// A worker's engine for campaign tasks: a helper process (`EngineHelperClient`) or this process
/// (`TaskExecutor`), as `--isolation` chose.
public final class TaskRunner {
    private let helper: EngineHelperClient?
    private let local: TaskExecutor?

    /// `threads`: OpenMP/BLAS threads of the helper process.
    public init(isolation: EngineIsolation, threads: Int) throws {
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
    public func execute(_ payload: [UInt8]) -> [UInt8] {
        helper?.execute(payload) ?? local?.execute(payload) ?? []
    }

    /// Ends the helper process, if any.
    public func stop() { helper?.stop() }

    /// This program's own file (the helper is the same binary), independent of the working directory.
    public static var ownExecutable: String {
        // No /proc (not Linux): the path this process was started with is the next best name.
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
