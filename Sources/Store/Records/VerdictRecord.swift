import Foundation
import GRDB

/// A phase-stabilisation verdict of a campaign for one protocol (row of `verdicts`).
///
/// Carries the ids of the reaction rows it was formed from, so every number traces back to
/// reactions, and through them to calculations and structures.
public struct VerdictRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "verdicts"

    public var id: Int64?
    public var campaign: String
    /// Protocol name.
    public var name: String
    public var activePhase: String
    public var inactivePhase: String
    /// E(inactive) − E(active) per formula unit in bulk, kJ/mol.
    public var bulkKJPerUnit: Double?
    public var formulaUnits: Double
    /// n × (E_active − E_inactive) per unit: what the interface must beat.
    public var bulkPreferenceKJ: Double?
    public var activeLowestKJ: Double?
    public var activeBoltzmannKJ: Double?
    public var inactiveLowestKJ: Double?
    public var inactiveBoltzmannKJ: Double?
    public var ddELowestKJ: Double?
    public var ddEBoltzmannKJ: Double?
    public var marginKJ: Double?
    /// Configuration spread of the margin, kJ/mol; nil when a phase has one configuration (spread unknown).
    public var uncertaintyKJ: Double?
    /// The bulk supercells come from a converged series: true, false, nil when not checked.
    public var bulkConverged: Bool?
    public var temperature: Double
    /// The verdict in words, with its margin.
    public var verdict: String
    /// Reaction row ids used: bulk first, then active, then inactive configurations (see `roles`).
    public var reactionIDs: [Int64]
    /// Which reaction rows are bulk, active and inactive; nil when unknown (a row stored before
    /// the roles were kept whose flat list did not determine them).
    public var roles: VerdictRoles?
    /// The calculation protocol ("frozen framework", "unrelaxed"); nil when not recorded.
    public var protocolName: String?
    /// Configurations left out, with why (refused or flagged reactions).
    public var excluded: [String]
    /// Published values to compare with (JSON), when the spec gave them.
    public var reference: String?
    /// L* from molecular nanocrystals, when the spec names them (nil otherwise).
    public var sizeModel: VerdictSizeModel?
    public var computedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, campaign, name, temperature, verdict, excluded, reference
        case activePhase = "active_phase"
        case inactivePhase = "inactive_phase"
        case bulkKJPerUnit = "bulk_kj_per_unit"
        case formulaUnits = "formula_units"
        case bulkPreferenceKJ = "bulk_preference_kj"
        case activeLowestKJ = "active_lowest_kj"
        case activeBoltzmannKJ = "active_boltzmann_kj"
        case inactiveLowestKJ = "inactive_lowest_kj"
        case inactiveBoltzmannKJ = "inactive_boltzmann_kj"
        case ddELowestKJ = "dde_lowest_kj"
        case ddEBoltzmannKJ = "dde_boltzmann_kj"
        case marginKJ = "margin_kj"
        case uncertaintyKJ = "uncertainty_kj"
        case bulkConverged = "bulk_converged"
        case reactionIDs = "reaction_ids"
        case computedAt = "computed_at"
        case roles = "reaction_roles"
        case protocolName = "protocol"
        case sizeModel = "size_model"
    }

    public init(campaign: String, name: String, activePhase: String, inactivePhase: String, formulaUnits: Double,
                temperature: Double, verdict: String) {
        self.campaign = campaign
        self.name = name
        self.activePhase = activePhase
        self.inactivePhase = inactivePhase
        self.formulaUnits = formulaUnits
        self.temperature = temperature
        self.verdict = verdict
        self.reactionIDs = []
        self.excluded = []
        self.computedAt = Date()
    }

    /// Both phases have at least two configurations, so the margin has a spread.
    public var spreadKnown: Bool { uncertaintyKJ != nil }

    /// "bulk supercell series converged", "… NOT CONVERGED", or "… not checked".
    public var bulkConvergenceText: String {
        switch bulkConverged {
        case true?: "bulk supercell series converged"
        case false?: "bulk supercell series NOT CONVERGED"
        case nil: "bulk supercell convergence not checked"
        }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
