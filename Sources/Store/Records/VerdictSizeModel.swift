/// A verdict's critical size from molecular nanocrystals (stored as JSON in `verdicts.size_model`):
/// the blocks with the calculation row of each energy, each phase's fit, and L* bare and in the
/// glass with its uncertainty shares. Every number `verdict`, `compare` and the report print about
/// L* is read from here; the points name the calculation rows behind them.
public struct VerdictSizeModel: Codable, Sendable, Equatable {
    /// Method of the fits L* is formed from ("gfn2"); the other method, when present, gives a share.
    public var method: String
    /// Exchanges per surface B site assumed for the particles in the glass.
    public var coverage: Double
    /// Active phase first, then the inactive one.
    public var phases: [Phase]
    public var bare: Band
    /// nil when the verdict has no exchange energies yet.
    public var glass: Band?
    /// What the model assumes and leaves out, in words.
    public var notes: [String]

    public init(method: String, coverage: Double, phases: [Phase], bare: Band, glass: Band?, notes: [String]) {
        self.method = method
        self.coverage = coverage
        self.phases = phases
        self.bare = bare
        self.glass = glass
        self.notes = notes
    }

    /// One nanocrystal energy and where it was read from.
    public struct Point: Codable, Sendable, Equatable {
        public var name: String
        public var method: String
        public var formulaUnits: Double
        public var boxAreaA2: Double
        public var boxVolumeA3: Double
        public var surfaceBSites: Double
        public var energyHartree: Double
        public var calculationID: Int64?
        /// The box's face families [bc, ca, ab], Å², and the cells along a, b, c ("2x3x1").
        public var faceAreasA2: [Double]?
        public var repeats: String?

        public init(name: String, method: String, formulaUnits: Double, boxAreaA2: Double, boxVolumeA3: Double,
                    surfaceBSites: Double, energyHartree: Double, calculationID: Int64?,
                    faceAreasA2: [Double]? = nil, repeats: String? = nil) {
            self.faceAreasA2 = faceAreasA2
            self.repeats = repeats
            self.name = name
            self.method = method
            self.formulaUnits = formulaUnits
            self.boxAreaA2 = boxAreaA2
            self.boxVolumeA3 = boxVolumeA3
            self.surfaceBSites = surfaceBSites
            self.energyHartree = energyHartree
            self.calculationID = calculationID
        }
    }

    /// One phase: its points (every method) and the fit of `method`'s points; fit fields are nil
    /// when the fit could not be formed (`fitError` says why).
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var points: [Point]
        public var fitModel: String?
        public var fitError: String?
        public var muKJPerMol: Double?
        /// γ_eff: the geometric mean of the face energies (the equilibrium box's), J/m².
        public var surfaceEnergyJM2: Double?
        public var surfaceEnergySigmaJM2: Double?
        /// γ of each group of equivalent face families (one for a cubic cell), J/m².
        public var faceEnergiesJM2: [Double]?
        /// The face families of each entry of `faceEnergiesJM2`, e.g. ["bc+ab", "ca"] (older rows: nil).
        public var faceGroups: [String]?
        public var betaKJPerMol: Double?
        public var rmsResidualKJ: Double?
        public var volumePerUnitA3: Double?
        public var surfaceSitesPerNm2: Double?
        /// ΔE of one exchange (the verdict's Boltzmann average), kJ/mol.
        public var exchangeKJ: Double?
        /// γ plus the glass term, J/m².
        public var interfaceEnergyJM2: Double?
        /// L = V^(1/3) of the largest block, nm.
        public var largestSizeNm: Double?
        /// Exchanges on the glass face of this phase's blocks (`face_active`/`face_inactive`), smallest
        /// block first; nil when the spec names none.
        public var faceExchanges: [FaceExchange]?
        /// γ plus the glass term with the largest block's face exchange instead of the cluster's, J/m².
        public var faceInterfaceEnergyJM2: Double?

        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// One glass unit exchanged on the face of one block: the Boltzmann average over its
    /// configurations (kJ/mol per exchange) and the reaction rows behind it.
    public struct FaceExchange: Codable, Sendable, Equatable {
        /// The block reactant's structure name.
        public var block: String
        /// Its formula units when it is one of the phase's nanocrystal points.
        public var formulaUnits: Double?
        public var energyKJ: Double
        /// The lowest configuration's energy, kJ/mol.
        public var lowestKJ: Double
        public var reactionIDs: [Int64]
        /// How many of those configurations have a species whose geometry is flagged (`TaskFlag.marksGeometry`:
        /// rearranged or unconverged when relaxed, here or in the run that made its file); nil in rows
        /// written before it was counted.
        public var flaggedConfigurations: Int?

        public init(block: String, formulaUnits: Double?, energyKJ: Double, lowestKJ: Double, reactionIDs: [Int64],
                    flaggedConfigurations: Int? = nil) {
            self.flaggedConfigurations = flaggedConfigurations
            self.block = block
            self.formulaUnits = formulaUnits
            self.energyKJ = energyKJ
            self.lowestKJ = lowestKJ
            self.reactionIDs = reactionIDs
        }
    }

    /// L* of one kind of particle (bare, in the glass) over the shapes.
    public struct Band: Codable, Sendable, Equatable {
        public var outcome: String
        public var cubeNm: Double?
        public var sphereNm: Double?
        /// √Σ share² over the known terms.
        public var sigmaNm: Double?
        public var terms: [Term]
        /// Further crossings in the window, nm (normally none).
        public var laterCrossingsNm: [Double]
        /// Why there is no L*, when there is none.
        public var reason: String?

        public init(outcome: String, cubeNm: Double?, sphereNm: Double?, sigmaNm: Double?, terms: [Term],
                    laterCrossingsNm: [Double], reason: String?) {
            self.outcome = outcome
            self.cubeNm = cubeNm
            self.sphereNm = sphereNm
            self.sigmaNm = sigmaNm
            self.terms = terms
            self.laterCrossingsNm = laterCrossingsNm
            self.reason = reason
        }

        /// Names of the terms whose share is unknown.
        public var unknownTerms: [String] { terms.filter { $0.shareNm == nil }.map(\.name) }
    }

    /// One named share of L*'s uncertainty, nm; nil: unknown.
    public struct Term: Codable, Sendable, Equatable {
        public var name: String
        public var shareNm: Double?

        public init(name: String, shareNm: Double?) {
            self.name = name
            self.shareNm = shareNm
        }
    }

    /// Calculation rows behind every point.
    public var calculationIDs: [Int64] { phases.flatMap { $0.points.compactMap(\.calculationID) } }
}
