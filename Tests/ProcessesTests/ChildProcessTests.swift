import Glibc
import Processes
import TestSupport
import XCTest

/// `ChildProcess` against real /bin/sh children: statuses, output, timeouts, descriptors.
final class ChildProcessTests: XCTestCase {
    private func sh(_ script: String, directory: String? = nil, environment: [String: String]? = nil) -> Command {
        Command("/bin/sh", ["-c", script], environment: environment, directory: directory)
    }

    func testExitStatusAndBothStreamsAreCaptured() throws {
        let result = try ChildProcess.run(sh("echo out; echo err >&2; exit 3"))
        XCTAssertEqual(result.termination, .exited(3))
        XCTAssertEqual(result.standardOutput, "out\n")
        XCTAssertEqual(result.standardError, "err\n")
        XCTAssertFalse(result.timedOut)
    }

    func testASignalIsReportedAsSuch() throws {
        let result = try ChildProcess.run(sh("kill -TERM $$"))
        XCTAssertEqual(result.termination, .signalled(SIGTERM))
        XCTAssertEqual(result.status, 128 + SIGTERM)
    }

    func testDirectoryEnvironmentAndPathLookup() throws {
        let folder = try TestFolders.make("child").path
        let env = Command.inheritedEnvironment(["INTERSCREEN_PROBE": "42"])
        let result = try ChildProcess.run(Command("sh", ["-c", "pwd; echo $INTERSCREEN_PROBE"], environment: env,
                                                  directory: folder))
        XCTAssertEqual(result.standardOutput, "\(folder)\n42\n")
    }

    func testAMissingExecutableIsAClearError() {
        XCTAssertThrowsError(try ChildProcess(Command("no-such-program-here"))) { error in
            XCTAssertTrue("\(error)".contains("no-such-program-here"), "\(error)")
        }
    }

    /// A timeout kills the child's whole process group, grandchildren included, and returns.
    func testTimeoutKillsTheWholeGroup() throws {
        let pidFile = try TestFolders.make("gc").appendingPathComponent("pid").path
        let start = ContinuousClock.now
        let result = try ChildProcess.run(sh("sleep 300 & echo $! > \(pidFile); wait"), timeout: .milliseconds(500))
        XCTAssertTrue(result.timedOut)
        XCTAssertEqual(result.termination, .signalled(SIGKILL))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(60))
        let grandchild = try XCTUnwrap(pid_t(ChildProcess.readText(pidFile).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<3000 where !gone {   // waits for the event, at most 60 s
            gone = kill(grandchild, 0) != 0 || Self.isZombie(grandchild)
            if !gone { usleep(20_000) }
        }
        XCTAssertTrue(gone, "grandchild \(grandchild) survived the timeout")
    }

    /// A daemon started by the child keeps running, but the caller is not held up by it (the
    /// hang that took CI down: a script that started slurmd and munged).
    func testADaemonLeftBehindDoesNotHoldTheCallerUp() throws {
        let pidFile = try TestFolders.make("daemon").appendingPathComponent("pid").path
        let result = try ChildProcess.run(sh("sleep 300 > /dev/null 2>&1 & echo $! > \(pidFile); echo started"),
                                          timeout: .seconds(60))
        XCTAssertEqual(result.termination, .exited(0))
        XCTAssertEqual(result.standardOutput, "started\n")
        if let daemon = pid_t(ChildProcess.readText(pidFile).trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(daemon, SIGKILL)
        }
    }

    /// Our descriptors do not leak into the child: with the child running, the read end of a pipe
    /// whose write end we closed sees end-of-file at once.
    func testDescriptorsDoNotLeakIntoTheChild() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let child = try ChildProcess(sh("sleep 300"))
        close(fds[1])
        var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&poller, 1, 2000), 1, "the child holds our pipe's write end")
        var byte: UInt8 = 0
        XCTAssertEqual(read(fds[0], &byte, 1), 0)
        close(fds[0])
        child.terminate()
        XCTAssertFalse(child.isRunning)
    }

    /// Many children waited for from several threads at once: every one is reaped exactly once.
    func testConcurrentChildrenAreAllReaped() throws {
        final class Statuses: @unchecked Sendable {
            let lock = NSLock()
            var values = [Int32](repeating: -99, count: 16)
        }
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 16) { k in
            let child = try? ChildProcess(Command("/bin/sh", ["-c", "exit \(k)"]))
            let status = child?.wait(timeout: .seconds(60))?.status ?? -99
            statuses.lock.withLock { statuses.values[k] = status }
        }
        XCTAssertEqual(statuses.values, Array(0..<16).map(Int32.init))
    }

    static func isZombie(_ pid: pid_t) -> Bool {
        ChildProcess.readText("/proc/\(pid)/stat").split(separator: " ").dropFirst(2).first == "Z"
    }
}
