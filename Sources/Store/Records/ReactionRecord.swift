import Foundation
import GRDB

/// Where a reaction stands (the `status` column of `reactions`).
public enum ReactionStatus: String, Codable, Sendable, CaseIterable {
    /// Formed: every species is done and consistent; the energy is set.
    case done
    /// Its inputs are inconsistent (e.g. species at different physics): the message says why.
    case refused
    /// A species failed, is blocked or quarantined.
    case blocked
    /// A species changed chemically while optimising (topology guard): left out on purpose.
    case excluded
}

/// A reaction energy of a campaign (row of `reactions`), unique per (campaign, name).
public struct ReactionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reactions"

    /// One species as used: which calculation row gave its energy.
    public struct Species: Codable, Sendable, Equatable {
        public var name: String
        /// Signed: negative for reactants, positive for products.
        public var coefficient: Double
        public var calculationID: Int64
        public var energyHartree: Double
        public var settingsHash: String

        public init(name: String, coefficient: Double, calculationID: Int64, energyHartree: Double,
                    settingsHash: String) {
            self.name = name
            self.coefficient = coefficient
            self.calculationID = calculationID
            self.energyHartree = energyHartree
            self.settingsHash = settingsHash
        }

        enum CodingKeys: String, CodingKey {
            case name, coefficient
            case calculationID = "calculation_id"
            case energyHartree = "energy_hartree"
            case settingsHash = "settings_hash"
        }
    }

    public var id: Int64?
    public var campaign: String
    public var name: String
    public var status: ReactionStatus
    public var energyHartree: Double?
    public var energyKJMol: Double?
    public var energyEV: Double?
    /// Energy divided by `normalizationCount`, kJ/mol per unit, when a normalisation is given.
    public var normalizedKJMol: Double?
    public var normalizationUnit: String?
    public var normalizationCount: Double?
    public var species: [Species]
    public var message: String?
    public var computedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, campaign, name, status, species, message
        case energyHartree = "energy_hartree"
        case energyKJMol = "energy_kj_mol"
        case energyEV = "energy_ev"
        case normalizedKJMol = "normalized_kj_mol"
        case normalizationUnit = "normalization_unit"
        case normalizationCount = "normalization_count"
        case computedAt = "computed_at"
    }

    public init(campaign: String, name: String, status: ReactionStatus, energyHartree: Double? = nil,
                energyKJMol: Double? = nil, energyEV: Double? = nil, normalizedKJMol: Double? = nil,
                normalizationUnit: String? = nil, normalizationCount: Double? = nil, species: [Species],
                message: String? = nil, computedAt: Date = Date()) {
        self.campaign = campaign
        self.name = name
        self.status = status
        self.energyHartree = energyHartree
        self.energyKJMol = energyKJMol
        self.energyEV = energyEV
        self.normalizedKJMol = normalizedKJMol
        self.normalizationUnit = normalizationUnit
        self.normalizationCount = normalizationCount
        self.species = species
        self.message = message
        self.computedAt = computedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
