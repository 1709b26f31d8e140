import Engine
import Optimization

/// How a bulk study grows its supercells, when it stops, and whether it relaxes.
public struct BulkStudyOptions: Sendable {
    public var rule: ConvergenceRule
    /// The supercells to walk through; nil: `SupercellSeries.automatic(for:)`.
    public var series: SupercellSeries?
    /// No supercell with more atoms is computed.
    public var maxAtoms: Int
    /// Wall-time budget for the series, s: a size whose estimated time (the previous size's time
    /// × (atoms ratio)³) would overrun it is not started. nil: no budget.
    public var timeBudget: Double?
    /// Formula units per input cell; nil: the gcd of the element counts.
    public var formulaUnits: Int?
    /// Relax positions (fixed cell) in the last supercell of the series (see `relaxMaxAtoms`).
    public var relax: Bool
    /// Relax in the largest computed supercell with at most this many atoms; nil: the last one.
    public var relaxMaxAtoms: Int?
    public var relaxLevel: ConvergenceLevel
    /// Overrides the level's cycle cap.
    public var relaxMaxCycles: Int?

    /// Default cap: 320 atoms, α-CsPbI3 4x4x4 (about 270 s for one GFN2 single point on one core).
    public static let defaultMaxAtoms = 320

    public init(rule: ConvergenceRule = ConvergenceRule(), series: SupercellSeries? = nil,
                maxAtoms: Int = BulkStudyOptions.defaultMaxAtoms, timeBudget: Double? = nil,
                formulaUnits: Int? = nil, relax: Bool = false, relaxMaxAtoms: Int? = nil,
                relaxLevel: ConvergenceLevel = .normal, relaxMaxCycles: Int? = nil) {
        self.rule = rule
        self.series = series
        self.maxAtoms = maxAtoms
        self.timeBudget = timeBudget
        self.formulaUnits = formulaUnits
        self.relax = relax
        self.relaxMaxAtoms = relaxMaxAtoms
        self.relaxLevel = relaxLevel
        self.relaxMaxCycles = relaxMaxCycles
    }
}
