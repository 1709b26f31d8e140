/// What slab to cut: plane, outer-layer composition, thickness, in-plane repeats and vacuum.
public struct SlabSpec: Sendable, Hashable {
    public var miller: MillerIndex
    /// Reduced composition of the outer layer on both faces, e.g. "CsI" or "PbI2" for ABX3 (001);
    /// "ribbons" for whole-ribbon slabs of chain compounds such as δ-CsPbI3 (`RibbonSlabBuilder`).
    public var termination: String
    /// Atomic layers (planes of atoms, grouped by `layerTolerance`), both outer layers included.
    public var layers: Int
    /// Repeats of the surface cell along its two in-plane vectors.
    public var inPlane: (Int, Int)
    /// Empty space between the slab's outer atoms and its periodic image, Å.
    public var vacuum: Double
    /// Atoms whose heights differ by less than this (Å) belong to one layer (corrugated layers
    /// of tilted perovskites stay one layer).
    public var layerTolerance: Double

    public static let defaultVacuum = 20.0
    public static let defaultLayerTolerance = 0.7

    public init(miller: MillerIndex, termination: String, layers: Int, inPlane: (Int, Int) = (1, 1),
                vacuum: Double = SlabSpec.defaultVacuum, layerTolerance: Double = SlabSpec.defaultLayerTolerance) {
        self.miller = miller
        self.termination = termination
        self.layers = layers
        self.inPlane = inPlane
        self.vacuum = vacuum
        self.layerTolerance = layerTolerance
    }

    public static func == (a: SlabSpec, b: SlabSpec) -> Bool {
        a.miller == b.miller && a.termination == b.termination && a.layers == b.layers
            && a.inPlane == b.inPlane && a.vacuum == b.vacuum && a.layerTolerance == b.layerTolerance
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(miller)
        hasher.combine(termination)
        hasher.combine(layers)
        hasher.combine(inPlane.0)
        hasher.combine(inPlane.1)
        hasher.combine(vacuum)
    }

    /// "2x2" for the in-plane repeats.
    public var inPlaneLabel: String { "\(inPlane.0)x\(inPlane.1)" }
}
