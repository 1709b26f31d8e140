import Structures

/// How to cut a perovskite surface fragment from a bulk cell.
public struct PerovskiteFragmentSpec: Sendable, Equatable {
    /// Formula units N: the fragment is A_N B_N X_3N.
    public var units: Int
    /// The surface that faces the glass: its normal picks the marked (glass-facing) X.
    public var surface: MillerIndex
    /// Centre of the cut in fractional coordinates of the cell (default the cell centre).
    public var centre: Vec3
    /// Structure name (default "<cell name>-<N>fu-<hkl>").
    public var name: String?

    public init(units: Int, surface: MillerIndex = MillerIndex(0, 0, 1), centre: Vec3 = Vec3(0.5, 0.5, 0.5),
                name: String? = nil) {
        self.units = units
        self.surface = surface
        self.centre = centre
        self.name = name
    }
}
