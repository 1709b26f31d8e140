#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to start: executable (a path, or a name looked up in PATH), arguments, environment,
/// working directory and where the three standard streams go.
public struct Command: Sendable {
    public var executable: String
    public var arguments: [String]
    /// The child's whole environment; nil inherits ours.
    public var environment: [String: String]?
    public var directory: String?
    public var standardInput: Redirect = .null
    public var standardOutput: Redirect = .inherit
    public var standardError: Redirect = .inherit
    /// Start the child as leader of a new process group (so a timeout can kill what it started).
    public var newProcessGroup = true

    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                directory: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
    }

    /// Our environment with `changes` applied (nil values remove a variable).
    public static func inheritedEnvironment(_ changes: [String: String?] = [:]) -> [String: String] {
        var environment = currentEnvironment()
        for (key, value) in changes { environment[key] = value }
        return environment
    }

    /// The executable's path: as given when it contains a slash, else the first match in PATH.
    func resolvedExecutable() throws -> String {
        if executable.contains("/") { return executable }
        let path = (environment ?? Self.currentEnvironment())["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(executable)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw ProcessError("\(executable): not found in PATH (\(path))")
    }

    func environmentLines() -> [String] {
        (environment ?? Self.currentEnvironment()).map { "\($0.key)=\($0.value)" }
    }

    static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let line = String(cString: entry)
            if let equals = line.firstIndex(of: "=") {
                result[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

/// Where a standard stream of the child goes.
public enum Redirect: Sendable {
    /// /dev/null.
    case null
    /// The same stream as ours.
    case inherit
    /// A file, created or truncated (or appended to).
    case file(String, append: Bool = false)
    /// One of our open descriptors (duplicated onto the stream).
    case descriptor(Int32)

    func apply(to actions: inout posix_spawn_file_actions_t, fd: Int32, writing: Bool) throws {
        switch self {
        case .inherit:
            return
        case .null:
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", writing ? O_WRONLY : O_RDONLY, 0)
        case .file(let path, let append):
            let flags = writing ? (O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)) : O_RDONLY
            posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0o644)
        case .descriptor(let source):
            posix_spawn_file_actions_adddup2(&actions, source, fd)
        }
    }
}

/// How a child ended.
public enum Termination: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    /// Reaped by someone else (no status to report).
    case unknown

    init(waitStatus status: Int32) {
        let low = status & 0x7f
        self = low == 0 ? .exited((status >> 8) & 0xff) : .signalled(low)
    }

    /// The exit status, or 128 + signal as a shell reports it, or -1 when unknown.
    public var status: Int32 {
        switch self {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        case .unknown: -1
        }
    }

    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signalled(let signal): "killed by signal \(signal)"
        case .unknown: "ended (status unknown)"
        }
    }
}
