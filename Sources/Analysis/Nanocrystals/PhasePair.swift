/// One value for the active phase and one for the inactive phase: the two sides of every size
/// model comparison, named instead of indexed.
public struct PhasePair<Value> {
    public var active: Value
    public var inactive: Value

    public init(active: Value, inactive: Value) {
        self.active = active
        self.inactive = inactive
    }

    /// The same transform applied to both sides.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> PhasePair<T> {
        PhasePair<T>(active: try transform(active), inactive: try transform(inactive))
    }

    /// Active then inactive, the order of the phases in a stored size model.
    public var both: [Value] { [active, inactive] }

    /// Both sides, or nil when either is missing.
    public init?(_ active: Value?, _ inactive: Value?) {
        guard let active, let inactive else { return nil }
        self.init(active: active, inactive: inactive)
    }
}

extension PhasePair: Sendable where Value: Sendable {}
extension PhasePair: Equatable where Value: Equatable {}

extension PhasePair where Value == SizePhase {
    /// Where the two phases' free energies cross for particles of `shape`.
    public func crossing(_ shape: ParticleShape) -> SizeCrossing {
        SizeCrossing(active: active, inactive: inactive, shape: shape)
    }

    /// Both phases in the glass, each with its own exchange energy (kJ/mol) at the same coverage.
    public func inGlass(coverage: Double, exchangeKJ: PhasePair<Double>) -> PhasePair<SizePhase> {
        PhasePair(active: active.inGlass(coverage: coverage, exchangeKJ: exchangeKJ.active),
                  inactive: inactive.inGlass(coverage: coverage, exchangeKJ: exchangeKJ.inactive))
    }
}
