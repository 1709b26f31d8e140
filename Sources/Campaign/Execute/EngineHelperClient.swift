import Foundation
import Processes
import Store

/// A worker's side of the engine helper: starts `interscreen engine-helper` (posix_spawn, never
/// fork inside MPI), sends it one `TaskOrder` at a time over a pipe and reads back the report.
///
/// When the helper dies during a task (segfault, abort, killed for memory), that task is reported
/// `crashed` and the next task starts a fresh helper. Each helper has its own scratch folder (its
/// working directory and TMPDIR: GFN-FF writes topology files there), removed when it ends.
public final class EngineHelperClient {
    private let executable: String
    private let arguments: [String]
    private let host: String
    private var helper: (process: ChildProcess, channel: FrameChannel, scratch: String)?

    /// `executable engine-helper arguments…` is started on the first task and after each crash.
    public init(executable: String, arguments: [String] = [], host: String) {
        self.executable = executable
        self.arguments = arguments
        self.host = host
        signal(SIGPIPE, SIG_IGN)   // a write to a helper that just died must fail, not kill the worker
    }

    deinit { stop() }

    /// Decodes an order, has the helper run it, returns the encoded report (the MPI worker's whole job).
    public func execute(_ payload: [UInt8]) -> [UInt8] {
        let order: TaskOrder
        do {
            order = try TaskOrder.decode(payload)
        } catch {
            return TaskReport.failure(id: -1, settings: .init(), .internal, "undecodable task: \(error)", attempts: 0,
                                      host: host, startedAt: Date()).encoded()
        }
        return execute(order, payload: payload).encoded()
    }

    /// Runs one order in the helper; a helper that dies yields a `crashed` report for this order.
    public func execute(_ order: TaskOrder, payload: [UInt8]? = nil) -> TaskReport {
        let started = Date()
        let running: (process: ChildProcess, channel: FrameChannel, scratch: String)
        let bytes: [UInt8]
        do {
            bytes = try payload ?? order.encoded()
        } catch {
            return failure(order, started, .internal, "\(order.key): the order could not be encoded: \(error)")
        }
        do {
            running = try startedHelper()
        } catch {
            return failure(order, started, .internal, "\(order.key): the engine helper could not start: \(error)")
        }
        // A failed write means the helper is gone: its end is read below, like a missing reply.
        if (try? running.channel.send(bytes)) != nil, let reply = running.channel.receive() {
            do {
                return try TaskReport.decode(reply)
            } catch {
                // The helper answered, but not with a report: it is out of step, so it is ended and
                // the next task starts a fresh one; the task fails (it did not crash the engine).
                stop()
                return failure(order, started, .internal, "\(order.key): the engine helper's reply could not be read: \(error)")
            }
        }
        let ended = reap()
        return failure(order, started, .crashed,
                       "\(order.key): the engine process died during this task (\(Self.describe(ended)))")
    }

    /// Ends the helper (end of file on its input, then its exit) and removes its scratch folder.
    public func stop() {
        guard let running = helper else { return }
        close(running.channel.output)
        if running.process.wait(timeout: .seconds(30)) == nil { running.process.terminate() }
        finish(running)
    }

    private func startedHelper() throws -> (process: ChildProcess, channel: FrameChannel, scratch: String) {
        if let helper { return helper }
        let scratch = try Self.makeScratch()
        let toChild = try FrameChannel.makePipe()
        let fromChild = try FrameChannel.makePipe()
        var command = Command(executable, ["engine-helper"] + arguments,
                              environment: Command.inheritedEnvironment(["TMPDIR": scratch,
                                                                         "INTERSCREEN_HELPER_PARENT": "\(getpid())"]),
                              directory: scratch)
        command.standardInput = .descriptor(toChild.read)
        command.standardOutput = .descriptor(fromChild.write)
        command.newProcessGroup = false   // a signal to the job's process group reaches it too
        defer { close(toChild.read); close(fromChild.write) }
        do {
            let process = try ChildProcess(command)
            let running = (process, FrameChannel(input: fromChild.read, output: toChild.write), scratch)
            helper = running
            return running
        } catch {
            close(toChild.write)
            close(fromChild.read)
            // Only a temporary folder: if it cannot be removed it stays in TMPDIR; no result is involved.
            try? FileManager.default.removeItem(atPath: scratch)
            throw error
        }
    }

    /// The dead helper's termination; its pipes closed and scratch folder removed.
    private func reap() -> Termination? {
        guard let running = helper else { return nil }
        // The pipe is closed: the helper is gone or going (a killed helper is reaped at once).
        let ended = running.process.wait(timeout: .seconds(30)) ?? running.process.terminate()
        close(running.channel.output)
        finish(running)
        return ended
    }

    private func finish(_ running: (process: ChildProcess, channel: FrameChannel, scratch: String)) {
        close(running.channel.input)
        // Only the helper's temporary folder: if it cannot be removed it stays in TMPDIR; no result is involved.
        try? FileManager.default.removeItem(atPath: running.scratch)
        helper = nil
    }

    private func failure(_ order: TaskOrder, _ started: Date, _ failureClass: FailureClass, _ message: String) -> TaskReport {
        TaskReport.failure(id: order.id, settings: order.settings, failureClass, message, attempts: 1, host: host,
                           startedAt: started)
    }

    private static func makeScratch() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("interscreen-engine-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// "killed by SIGSEGV", "exit status 3", … for a helper's end.
    static func describe(_ ended: Termination?) -> String {
        switch ended {
        case .signalled(let number)?:
            let name = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL",
                        SIGKILL: "SIGKILL, e.g. out of memory", SIGTRAP: "SIGTRAP"][number] ?? "signal \(number)"
            return "killed by \(name)"
        case let other?: return other.description
        case nil: return "ended"
        }
    }
}
