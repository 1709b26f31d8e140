/// A surface energy series: thickness loop, in-plane loop, and what stopped them.
public struct SurfaceStudyResult: Sendable, Codable, Equatable {
    public var miller: String
    public var termination: String
    public var vacuum: Double
    public var threshold: Double
    /// Excess composition of the slabs over whole bulk units ("" when stoichiometric).
    public var excess: String = ""
    /// The operation relating the two faces.
    public var symmetry: String = ""
    /// Area of one face of the 1×1 surface cell, Å².
    public var area: Double = 0
    public var thickness: [SurfacePoint] = []
    public var inPlane: [SurfacePoint] = []
    public var thicknessConverged = false
    public var inPlaneConverged = false
    /// The final slab size at growing vacuum (the first point is the base vacuum), γ from the
    /// slope over thickness at each vacuum (`VacuumRule`).
    public var vacuumSeries: [SurfacePoint] = []
    /// The last three vacua gave γ within the threshold of each other, step by step (`VacuumRule`).
    public var vacuumConverged = false
    /// Why a loop stopped early, or what was not tested.
    public var stops: [String] = []
    /// Positions relaxed? (Not yet: slabs are bulk-cut.)
    public var relaxed = false

    public init(miller: String, termination: String, vacuum: Double, threshold: Double) {
        self.miller = miller
        self.termination = termination
        self.vacuum = vacuum
        self.threshold = threshold
    }

    /// Converged in thickness, in plane and in vacuum.
    public var converged: Bool { thicknessConverged && inPlaneConverged && vacuumConverged }

    /// The last point computed: the best estimate there is (largest vacuum of the final size).
    public var final: SurfacePoint? { vacuumSeries.last ?? inPlane.last ?? thickness.last }

    /// Vacuum (Å) of the reported γ.
    public var finalVacuum: Double { vacuumSeries.last?.vacuum ?? vacuum }
}
