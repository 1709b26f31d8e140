import Foundation
import GRDB

/// A structure, file or task that could not be computed, and why (row of `failures`).
public struct FailureRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "failures"

    /// Row id, nil before insertion.
    public var id: Int64?
    /// Content hash, nil when there is no structure (a file that did not parse).
    public var structureHash: String?
    public var settingsHash: String?
    /// File path or task name.
    public var source: String
    /// Stable class name, e.g. "unknown_element", "scc_not_converged" (`StructureError.Kind`,
    /// `EngineError.Kind` raw values).
    public var failureClass: String
    public var message: String
    public var host: String
    public var runID: Int64?
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case id, source, message, host, at
        case structureHash = "structure_hash"
        case settingsHash = "settings_hash"
        case failureClass = "failure_class"
        case runID = "run_id"
    }

    static let structure = belongsTo(StructureRecord.self, key: "structure", using: ForeignKey(["structure_hash"]))
    static let settings = belongsTo(SettingsRecord.self, key: "settings", using: ForeignKey(["settings_hash"]))

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
