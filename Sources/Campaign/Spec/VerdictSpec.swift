/// A phase-stabilisation verdict to form from a campaign's reactions (`[[verdicts]]`), one per protocol.
public struct VerdictSpec: Sendable, Codable, Equatable {
    /// Protocol name, e.g. "frozen framework".
    public var name: String
    public var activePhase: String
    public var inactivePhase: String
    /// Reaction-name pattern (glob: * ? [..]) of the active phase's configurations.
    public var activeReactions: String
    /// Reaction-name pattern of the inactive phase's configurations.
    public var inactiveReactions: String
    /// Reaction giving E(inactive) − E(active) per formula unit in bulk (its normalised energy).
    public var bulkReaction: String
    /// Formula units n of the fragments.
    public var formulaUnits: Double
    /// Temperature of the Boltzmann weighting over configurations, K.
    public var temperature: Double
    /// Whether the bulk reaction's supercells come from a converged supercell series
    /// (`interscreen bulk`, docs/bulk.md): true, false (flagged, left out of agreement counts),
    /// nil when the spec does not say (shown as "not checked").
    public var bulkConverged: Bool?
    /// The published values to compare with (kJ/mol), when given: bulk per unit, active, inactive.
    public var reference: Reference?
    /// 1-based line of its table in the spec.
    public var line: Int
    /// The calculation protocol when the name is not it (a `[screen]` verdict is named after its
    /// pairing; its protocol is the screen's, e.g. "unrelaxed"). nil: the name is the protocol.
    public var protocolName: String?
    /// The molecular nanocrystals L* is formed from (`nanocrystals = { … }`), when given.
    public var nanocrystals: Nanocrystals?

    /// Structure-name patterns of each phase's nanocrystals, and the glass coverage for L* in the glass.
    public struct Nanocrystals: Sendable, Codable, Equatable {
        public var active: String
        public var inactive: String
        /// Exchanges per surface B site of a particle in the glass (1: every surface B site).
        public var coverage: Double
        /// Reaction-name patterns of exchanges on each phase's block faces (`face_active`,
        /// `face_inactive`, each optional): the check of the cluster exchange energy the glass term uses.
        public var faceActive: String?
        public var faceInactive: String?

        public init(active: String, inactive: String, coverage: Double, faceActive: String? = nil,
                    faceInactive: String? = nil) {
            self.active = active
            self.inactive = inactive
            self.coverage = coverage
            self.faceActive = faceActive
            self.faceInactive = faceInactive
        }
    }

    /// Published numbers for the same quantities, with their source.
    public struct Reference: Sendable, Codable, Equatable {
        public var bulkPerUnit: Double?
        public var active: Double?
        public var inactive: Double?
        public var source: String?

        public init(bulkPerUnit: Double?, active: Double?, inactive: Double?, source: String?) {
            self.bulkPerUnit = bulkPerUnit
            self.active = active
            self.inactive = inactive
            self.source = source
        }
    }

    public init(name: String, activePhase: String, inactivePhase: String, activeReactions: String,
                inactiveReactions: String, bulkReaction: String, formulaUnits: Double, temperature: Double,
                reference: Reference? = nil, line: Int, protocolName: String? = nil, bulkConverged: Bool? = nil,
                nanocrystals: Nanocrystals? = nil) {
        self.nanocrystals = nanocrystals
        self.bulkConverged = bulkConverged
        self.protocolName = protocolName
        self.reference = reference
        self.name = name
        self.activePhase = activePhase
        self.inactivePhase = inactivePhase
        self.activeReactions = activeReactions
        self.inactiveReactions = inactiveReactions
        self.bulkReaction = bulkReaction
        self.formulaUnits = formulaUnits
        self.temperature = temperature
        self.line = line
    }
}
