#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProcess

/// A child process started with posix_spawn and reaped with waitpid on its own pid.
///
/// Why not Foundation's `Process`: on Linux it learns that a child ended from SIGCHLD, which the
/// kernel may deliver to any thread that does not block it — OpenMP and OpenBLAS threads started
/// by libxtb do not — and then `waitUntilExit` waits forever (seen in CI: a finished script left
/// a zombie and the test run hung for 90 minutes). `waitpid` on the pid cannot miss the exit.
public final class ChildProcess: @unchecked Sendable {
    /// The child's pid; it leads its own process group when started with `newProcessGroup`.
    public let pid: pid_t
    /// Whether the child leads a new process group (then `signal(_:group: true)` reaches its children).
    public let leadsGroup: Bool
    private var ended: Termination?
    private let lock = Mutex()

    /// Starts `command`. Throws `ProcessError` when the executable cannot be found or spawned.
    public init(_ command: Command) throws {
        let executable = try command.resolvedExecutable()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try command.standardInput.apply(to: &actions, fd: 0, writing: false)
        try command.standardOutput.apply(to: &actions, fd: 1, writing: true)
        try command.standardError.apply(to: &actions, fd: 2, writing: true)
        if let directory = command.directory {
            cprocess_addchdir(&actions, directory)
        }
        // No descriptor of ours leaks into the child (an inherited pipe end would keep a reader
        // waiting for end-of-file long after the child is gone).
        cprocess_addclosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if command.newProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + command.arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = command.environmentLines().map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw ProcessError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        leadsGroup = command.newProcessGroup
    }

    deinit {
        // Never leave a zombie: reap if it already ended (a running child is left running).
        _ = poll()
    }

    /// How the child ended, or nil while it runs (never blocks).
    public func poll() -> Termination? {
        lock.withLock {
            if let ended { return ended }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                ended = Termination(waitStatus: status)
            } else if result < 0, errno == ECHILD {
                ended = .unknown
            }
            return ended
        }
    }

    /// True while the child runs.
    public var isRunning: Bool { poll() == nil }

    /// Waits until the child ends; nil when `timeout` passes first (the child keeps running).
    public func wait(timeout: Duration? = nil) -> Termination? {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var pause: UInt32 = 1_000
        while true {
            if let ended = poll() { return ended }
            if let deadline, clock.now >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Sends `signal` to the child, or to its whole process group when `group` and it leads one.
    public func signal(_ signal: Int32, group: Bool = false) {
        guard poll() == nil else { return }
        if group && leadsGroup {
            kill(-pid, signal)
        } else {
            kill(pid, signal)
        }
    }

    /// Kills the child (and its group when it leads one) and reaps it.
    @discardableResult
    public func terminate() -> Termination? {
        signal(SIGKILL, group: true)
        return wait(timeout: .seconds(10))
    }
}

/// A failure to start a child process.
public struct ProcessError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A small lock (pthread mutex), so `ChildProcess` reaps exactly once across threads.
final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
