import Foundation
import GRDB

extension ResultsStore {
    /// Records the start of a run; `command` is the argv (joined with spaces in the row);
    /// `engineIsolation` says where its engine computes ("isolated", "in-process"), for crash recovery.
    public func beginRun(command: [String], version: String, host: String,
                         pid: Int = Int(ProcessInfo.processInfo.processIdentifier),
                         startedAt: Date = Date(), engineIsolation: String? = nil) throws -> RunRecord {
        var run = RunRecord(id: nil, command: command.joined(separator: " "), interscreenVersion: version,
                            host: host, pid: pid, startedAt: startedAt, finishedAt: nil, exitStatus: nil,
                            engineIsolation: engineIsolation)
        try pool.write { db in try run.insert(db) }
        return run
    }

    /// Records the end of run `id`.
    public func finishRun(id: Int64, exitStatus: Int, finishedAt: Date = Date()) throws {
        try pool.write { db in
            guard var run = try RunRecord.fetchOne(db, key: id) else { return }
            run.finishedAt = finishedAt
            run.exitStatus = exitStatus
            try run.update(db)
        }
    }

    /// The run with this id.
    public func run(id: Int64) throws -> RunRecord? {
        try pool.read { db in try RunRecord.fetchOne(db, key: id) }
    }
}

extension ResultsStore {
    /// The newest run that has not finished and whose process is still alive on this host, if any.
    public func liveRun(host: String = ProcessInfo.processInfo.hostName) throws -> RunRecord? {
        let open = try pool.read { db in
            try RunRecord.filter(Column("finished_at") == nil).order(Column("id").desc).fetchAll(db)
        }
        return open.first { $0.host == host && Self.isAlive(pid: $0.pid) }
    }

    /// True when `pid` is a live (not zombie) interscreen process; a killed run's pid may linger
    /// as a zombie or be reused by an unrelated process.
    static func isAlive(pid: Int) -> Bool {
        guard kill(Int32(pid), 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        guard state != "Z", state != "X" else { return false }
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "interscreen"
        return command.contains("interscreen")
    }
}
