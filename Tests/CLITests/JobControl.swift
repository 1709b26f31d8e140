import Foundation
import Processes
import Store

/// Waits for events in a run's database and kills a job's whole process tree, as a batch
/// scheduler's SIGKILL does, without sleeping a fixed time to decide anything.
enum JobControl {
    /// Polls `db` until `condition` gives a value; throws when the job ends first (or after
    /// `limit` of monotonic time, so a hung run fails instead of hanging the suite).
    static func waitFor<T>(_ what: String, db: String, job: ChildProcess, limit: Duration = .seconds(600),
                           _ condition: (ResultsStore) throws -> T?) throws -> T {
        let clock = ContinuousClock()
        let end = clock.now + limit
        while true {
            if FileManager.default.fileExists(atPath: db), let store = try? ResultsStore(path: db),
               let value = try? condition(store) {
                return value
            }
            guard job.isRunning else { throw CLIError("the run ended before \(what)") }
            guard clock.now < end else { throw CLIError("no \(what) within \(limit)") }
            usleep(20_000)   // the pause between polls; correctness never depends on it
        }
    }

    /// SIGKILL to `job` and everything it started, all at once: the tree is frozen first (SIGSTOP,
    /// so nothing reacts or starts another process), then killed, then waited for.
    static func killTree(_ job: ChildProcess) {
        var frozen: Set<pid_t> = []
        while true {   // until no new descendant appears (each is frozen as soon as it is seen)
            let tree = Set([job.pid] + descendants(of: job.pid))
            let new = tree.subtracting(frozen)
            if new.isEmpty { break }
            for pid in new { kill(pid, SIGSTOP) }
            frozen.formUnion(new)
        }
        for pid in frozen { kill(pid, SIGKILL) }
        _ = job.wait(timeout: .seconds(60))
        for pid in frozen where pid != job.pid {
            while isAlive(pid) { usleep(5_000) }
        }
    }

    /// Every process below `root` (from /proc).
    static func descendants(of root: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let parent = parentPID(pid) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var stack = children[root] ?? []
        while let pid = stack.popLast() {
            found.append(pid)
            stack += children[pid] ?? []
        }
        return found
    }

    /// The parent pid and state of `pid` from /proc/pid/stat ("pid (name) S ppid …").
    private static func stat(_ pid: pid_t) -> (state: Substring, parent: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let parent = pid_t(fields[1]) else { return nil }
        return (fields[0], parent)
    }

    private static func parentPID(_ pid: pid_t) -> pid_t? { stat(pid)?.parent }

    private static func isAlive(_ pid: pid_t) -> Bool {
        guard let state = stat(pid)?.state else { return false }
        return state != "Z" && state != "X"
    }
}
