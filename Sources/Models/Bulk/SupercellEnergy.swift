/// What an energy source returns for one supercell: the energy and where it came from.
public struct SupercellEnergy: Sendable, Equatable {
    /// Total energy, Eh.
    public var energy: Double
    /// Wall time of the calculation, s.
    public var seconds: Double
    /// True when it was looked up instead of computed.
    public var cached: Bool
    /// The stored calculation's row id, if stored.
    public var calculationID: Int64?

    public init(energy: Double, seconds: Double, cached: Bool = false, calculationID: Int64? = nil) {
        self.energy = energy
        self.seconds = seconds
        self.cached = cached
        self.calculationID = calculationID
    }
}
