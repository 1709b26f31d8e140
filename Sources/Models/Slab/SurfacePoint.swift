/// One slab of a surface series and its surface energy.
public struct SurfacePoint: Sendable, Codable, Equatable {
    public var layers: Int
    /// In-plane repeats, "2x2".
    public var supercell: String
    public var atoms: Int
    /// E_slab, Eh.
    public var energy: Double
    /// Bulk reference per formula unit used for this point, Eh (same in-plane sampling as the slab).
    public var bulkPerUnit: Double
    /// Whole bulk formula units in the slab.
    public var bulkUnits: Int
    /// γ, J/m²: from the slope of E_slab over bulk units against the previous thickness at the same
    /// in-plane size (Fiorentini–Methfessel) when there is one, else `surfaceEnergyDirect`; nil when a
    /// non-stoichiometric slab has no μ_excess.
    public var surfaceEnergy: Double?
    /// γ against the oriented bulk cell's energy per unit (same in-plane repeats), J/m².
    public var surfaceEnergyDirect: Double?
    /// μ_bulk from the slope (Eh per unit), when `surfaceEnergy` used it.
    public var slopePerUnit: Double?
    /// Change of γ from the previous point of the same loop, J/m².
    public var change: Double?
    public var seconds: Double
    public var cached: Bool
    public var structureHash: String
    /// Vacuum of this slab, Å.
    public var vacuum: Double = 0
}
