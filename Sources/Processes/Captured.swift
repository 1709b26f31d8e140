#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A finished child's status and output, as `ChildProcess.run` returns it.
public struct Captured: Sendable {
    public var termination: Termination
    public var standardOutput: String
    public var standardError: String
    /// True when the child was killed because it overran the timeout.
    public var timedOut: Bool

    public var status: Int32 { termination.status }
}

extension ChildProcess {
    /// Runs `command` to its end with stdout and stderr captured through temporary files (no pipe
    /// to fill up or to be held open by a daemon the child started). After `timeout` the child's
    /// process group is killed and `timedOut` is set. `input`, when given, is the child's stdin.
    public static func run(_ command: Command, input: String? = nil, timeout: Duration = .seconds(3600)) throws -> Captured {
        let folder = try temporaryFolder()
        defer { removeFolder(folder) }
        var command = command
        if let input {
            let path = "\(folder)/stdin"
            guard let file = fopen(path, "wb") else { throw ProcessError("cannot write \(path)") }
            let bytes = Array(input.utf8)
            _ = fwrite(bytes, 1, bytes.count, file)
            fclose(file)
            command.standardInput = .file(path)
        }
        let out = "\(folder)/stdout", err = "\(folder)/stderr"
        command.standardOutput = .file(out)
        command.standardError = .file(err)
        let child = try ChildProcess(command)
        var timedOut = false
        let termination: Termination
        if let ended = child.wait(timeout: timeout) {
            termination = ended
        } else {
            timedOut = true
            termination = child.terminate() ?? .unknown
        }
        return Captured(termination: termination, standardOutput: readText(out), standardError: readText(err),
                        timedOut: timedOut)
    }

    static func temporaryFolder() throws -> String {
        let base = Command.currentEnvironment()["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/interscreen-child-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ProcessError("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    static func removeFolder(_ folder: String) {
        unlink("\(folder)/stdin")
        unlink("\(folder)/stdout")
        unlink("\(folder)/stderr")
        rmdir(folder)
    }

    /// A whole file as UTF-8 text ("" when it cannot be read).
    public static func readText(_ path: String) -> String {
        guard let file = fopen(path, "rb") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
