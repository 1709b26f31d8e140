import Foundation
import GRDB

/// One row of `work_requests`: the settings a calculation or optimisation was asked for, the row that
/// answers them (computed under `usedSettingsHash`, which differs after an SCC retry) and its flags.
public struct WorkRequestRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "work_requests"

    /// What was requested: "singlepoint" or "optimization".
    public enum Kind: String, Codable, Sendable {
        case singlepoint, optimization
    }

    public var id: Int64?
    public var kind: Kind
    /// The input structure.
    public var structureHash: String
    public var requestedSettingsHash: String
    /// `OptimizationIdentity.hash` for an optimisation, "" for a single point.
    public var optionsHash: String
    /// `EngineIdentity.text` of the engine that answered.
    public var engine: String
    public var usedSettingsHash: String
    public var calculationID: Int64?
    public var optimizationID: Int64?
    /// The flags as stored: a JSON array of their texts, nil when there is none.
    var flagsText: String?
    public var attempts: Int

    public init(kind: Kind, structureHash: String, requestedSettingsHash: String, optionsHash: String, engine: String,
                usedSettingsHash: String, calculationID: Int64?, optimizationID: Int64?, flags: [TaskFlag],
                attempts: Int) {
        self.kind = kind
        self.structureHash = structureHash
        self.requestedSettingsHash = requestedSettingsHash
        self.optionsHash = optionsHash
        self.engine = engine
        self.usedSettingsHash = usedSettingsHash
        self.calculationID = calculationID
        self.optimizationID = optimizationID
        self.flagsText = flags.storedText
        self.attempts = attempts
    }

    /// The marks every use of the answering row carries (e.g. a raised electronic temperature).
    public var flags: [TaskFlag] {
        get { (try? [TaskFlag](storedText: flagsText)) ?? flagsText.map { [.other($0)] } ?? [] }
        set { flagsText = newValue.storedText }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, engine, attempts
        case structureHash = "structure_hash"
        case requestedSettingsHash = "requested_settings_hash"
        case optionsHash = "options_hash"
        case usedSettingsHash = "used_settings_hash"
        case calculationID = "calculation_id"
        case optimizationID = "optimization_id"
        case flagsText = "flags"
    }
}
