import Structures

/// A symmetric slab cut from a bulk cell, with what a surface energy needs to know about it.
public struct Slab: Sendable {
    /// The slab as a 3-D periodic cell: in-plane vectors in xy, c along z (thickness + vacuum).
    public var structure: Structure
    public var spec: SlabSpec
    /// Compositions of the layers from bottom to top (one in-plane cell's worth × repeats).
    public var layerCompositions: [Composition]
    /// Whole bulk formula units in the slab (n in E_slab − n·μ_bulk).
    public var bulkUnits: Int
    /// What is left over after n bulk units: empty for a stoichiometric slab, e.g. Cs2I2 for a
    /// CsI-terminated ABX3 (001) slab of 2×2 in-plane cells.
    public var excess: Composition
    /// Area of one face, Å².
    public var area: Double
    /// Thickness between the outer atomic planes along z, Å.
    public var thickness: Double
    /// The operation that maps the slab onto itself exchanging the faces (e.g. "mirror z").
    public var symmetry: String

    public var isStoichiometric: Bool { excess.isEmpty }
}
