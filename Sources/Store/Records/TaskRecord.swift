import Foundation
import GRDB

/// Where a campaign task stands.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    /// Not started, or to be retried.
    case pending
    /// Handed to a rank; if the run dies, the next run counts a crash against it.
    case running
    /// Finished with a result (possibly answered from the cache).
    case done
    /// Finished with a clear failure (bad input, SCC, backend error).
    case failed
    /// Cannot run because a task it depends on failed.
    case blocked
    /// Was running during two crashes: reported, never retried automatically.
    case quarantined
}

/// One task of a campaign (row of `tasks`), unique per (campaign, key).
public struct TaskRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "tasks"

    public var id: Int64?
    public var campaign: String
    /// Stable name within the campaign, e.g. "water/opt", "water/sp".
    public var key: String
    /// "singlepoint" or "optimization".
    public var kind: String
    public var structureName: String
    /// Content hash of the input geometry; nil until the task it depends on is done.
    public var inputHash: String?
    /// Everything that makes the task what it is (settings hash, level, freeze, input): a change resets it.
    public var definitionHash: String
    public var settingsHash: String
    public var state: TaskState
    /// Completed attempts (a retry after an SCC failure counts).
    public var attempts: Int
    /// Runs that died while this task was running.
    public var crashes: Int
    public var predictedSeconds: Double
    public var wallSeconds: Double?
    public var calculationID: Int64?
    /// Content hash of the produced structure (optimisations).
    public var outputHash: String?
    public var failureClass: String?
    public var message: String?
    /// Marks that travel with the result (retries, non-convergence, topology changes).
    public var flags: [TaskFlag] {
        get { (try? [TaskFlag](storedText: flagsText)) ?? flagsText.map { [.other($0)] } ?? [] }
        set { flagsText = newValue.storedText }
    }
    /// `flags` as stored: a JSON array of their texts, nil when there is none.
    var flagsText: String?
    public var rank: Int?
    public var host: String?
    public var runID: Int64?
    public var startedAt: Date?
    public var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, campaign, key, kind, state, attempts, crashes, message, rank, host
        case flagsText = "flags"
        case structureName = "structure_name"
        case inputHash = "input_hash"
        case definitionHash = "definition_hash"
        case settingsHash = "settings_hash"
        case predictedSeconds = "predicted_seconds"
        case wallSeconds = "wall_seconds"
        case calculationID = "calculation_id"
        case outputHash = "output_hash"
        case failureClass = "failure_class"
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    public init(campaign: String, key: String, kind: String, structureName: String, inputHash: String?,
                definitionHash: String, settingsHash: String, predictedSeconds: Double) {
        self.campaign = campaign
        self.key = key
        self.kind = kind
        self.structureName = structureName
        self.inputHash = inputHash
        self.definitionHash = definitionHash
        self.settingsHash = settingsHash
        self.state = .pending
        self.attempts = 0
        self.crashes = 0
        self.predictedSeconds = predictedSeconds
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
