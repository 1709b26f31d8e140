import Foundation
import GRDB

/// One invocation of the tool (row of `runs`): what was run, where, and how it ended.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    /// Row id, nil before insertion.
    public var id: Int64?
    /// The argv, joined with spaces.
    public var command: String
    public var interscreenVersion: String
    public var host: String
    public var pid: Int
    public var startedAt: Date
    /// nil while the run is going on, or when it was killed.
    public var finishedAt: Date?
    /// Process exit status, nil while running.
    public var exitStatus: Int?
    /// "isolated" (engine in helper processes) or "in-process"; nil for runs that did not say.
    public var engineIsolation: String?

    enum CodingKeys: String, CodingKey {
        case id, command, host, pid
        case interscreenVersion = "interscreen_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case exitStatus = "exit_status"
        case engineIsolation = "engine_isolation"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
