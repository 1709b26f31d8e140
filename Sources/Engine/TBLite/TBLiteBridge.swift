import Foundation
import Processes

/// The Python process that runs tblite for one calculator: started once, then asked one request
/// at a time over a socket (`TBLiteChannel`). Its standard error goes to a file in the scratch
/// folder, whose last lines explain a bridge that died.
final class TBLiteBridge {
    /// What the bridge said when it started (versions).
    let hello: TBLiteHello
    private let process: ChildProcess
    private let channel: TBLiteChannel
    private let errorLog: URL
    private let encoder = JSONEncoder()

    /// Writes the script into `folder` and starts `python -u script` there.
    init(python: URL, folder: URL, environment: [String: String], startTimeout: Duration) throws {
        let script = folder.appendingPathComponent(TBLiteBridgeScript.fileName)
        try Data(TBLiteBridgeScript.text.utf8).write(to: script)
        errorLog = folder.appendingPathComponent("bridge-stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let (ours, theirs) = try TBLiteChannel.socketPair()
        channel = TBLiteChannel(fd: ours)
        var command = Command(python.path, ["-u", script.path], environment: environment, directory: folder.path)
        command.standardInput = .descriptor(theirs)
        command.standardOutput = .descriptor(theirs)
        command.standardError = .file(errorLog.path)
        defer { close(theirs) }
        do {
            process = try ChildProcess(command)
        } catch {
            throw EngineError(.backend, "cannot start \(python.path) for the tblite bridge: \(error); run scripts/setup")
        }
        hello = try Self.awaitHello(channel, python: python, deadline: .now + startTimeout,
                                    process: process, errorLog: errorLog)
    }

    deinit {
        stop()
    }

    /// True while the Python process runs.
    var isRunning: Bool { process.isRunning }

    /// Sends `request` and waits for its response. A timeout or a bridge that dies stops the
    /// bridge (so no late answer can be mistaken for a later request's) and throws `.backend`.
    func call(_ request: TBLiteRequest, timeout: Duration) throws -> TBLiteResponse {
        let line = String(decoding: try encoder.encode(request), as: UTF8.self)
        let answer: String
        do {
            try channel.send(line)
            answer = try channel.receiveLine(before: .now + timeout)
        } catch TBLiteChannel.Failure.timedOut {
            stop(force: true)
            throw EngineError(.backend, "tblite did not answer within \(Self.seconds(timeout)) s "
                + "(\(request.numbers.count) atoms); the bridge was stopped and starts afresh for the next calculation")
        } catch TBLiteChannel.Failure.closed(let reason) {
            stop(force: true)
            throw EngineError(.backend, "the tblite bridge ended during the calculation (\(reason); \(exitText)): \(errorTail)")
        }
        let response = try Self.decode(TBLiteResponse.self, from: answer)
        guard response.id == request.id else {
            stop(force: true)
            throw EngineError(.backend, "the tblite bridge answered request \(response.id ?? -1) instead of \(request.id)")
        }
        return response
    }

    /// Ends the bridge: politely (quit, end of input, 2 s) unless `force`, then SIGKILL to its pid.
    func stop(force: Bool = false) {
        if !force, process.isRunning {
            try? channel.send(TBLiteRequest.quitLine)
        }
        channel.close()
        let deadline = ContinuousClock.now + (force ? .zero : .seconds(2))
        while process.isRunning, ContinuousClock.now < deadline {
            usleep(10_000)
        }
        if process.isRunning { process.terminate() }
    }

    // MARK: - Pieces

    private static func awaitHello(_ channel: TBLiteChannel, python: URL, deadline: ContinuousClock.Instant,
                                   process: ChildProcess, errorLog: URL) throws -> TBLiteHello {
        let line: String
        do {
            line = try channel.receiveLine(before: deadline)
        } catch {
            process.terminate()
            let tail = Self.tail(of: errorLog)
            throw EngineError(.backend, "the tblite bridge (\(python.path)) did not start: "
                + (tail.isEmpty ? "no message" : tail) + "; run scripts/setup")
        }
        let hello = try decode(TBLiteHello.self, from: line)
        guard hello.ready else {
            _ = process.wait(timeout: .seconds(10)) ?? process.terminate()
            throw EngineError(.backend, "\(python.path) cannot import tblite (\(hello.error ?? "unknown error")); "
                + "run scripts/setup, which installs tblite 0.8.0 and numpy from PyPI")
        }
        guard hello.protocol == TBLiteBridgeScript.protocolVersion else {
            process.terminate()
            throw EngineError(.backend, "the tblite bridge speaks protocol \(hello.protocol ?? 0), "
                + "interscreen expects \(TBLiteBridgeScript.protocolVersion)")
        }
        return hello
    }

    private static func decode<T: Decodable>(_ type: T.Type, from line: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(line.utf8))
        } catch {
            throw EngineError(.backend, "the tblite bridge sent an unreadable line: \(line.prefix(300))")
        }
    }

    /// How the process ended, for messages.
    private var exitText: String {
        process.poll()?.description ?? "still running"
    }

    private var errorTail: String {
        let tail = Self.tail(of: errorLog)
        return tail.isEmpty ? "no message on its standard error" : tail
    }

    /// The last lines of a log file (at most 800 characters).
    static func tail(of url: URL) -> String {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return String(text.trimmingCharacters(in: .whitespacesAndNewlines).suffix(800))
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return String(format: "%.0f", value)
    }
}
