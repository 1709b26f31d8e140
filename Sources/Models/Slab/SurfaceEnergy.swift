import Structures

/// γ = (E_slab − n·μ_bulk − m·μ_excess) / (2A), for a symmetric slab of n bulk formula units plus m
/// reduced units of excess (AX or BX2 for ABX3 (001)), two faces of area A.
///
/// μ_excess is a reference the caller states: for ABX3 + AX it lies between E(ABX3) − E(BX2) (AX-poor)
/// and E(AX) (AX-rich), the range in which bulk ABX3 is stable against AX + BX2 (docs/surfaces.md).
public enum SurfaceEnergy {
    /// J/m² per Eh/Å² (4.3597447222071e-18 J / 1e-20 m²).
    public static let joulePerSquareMetrePerHartreePerSquareAngstrom = 4.3597447222071e-18 / 1e-20

    /// γ in J/m²; nil for a non-stoichiometric slab without μ_excess.
    /// - Parameters: energies in Eh; `bulkPerUnit` per bulk formula unit; `excessPerUnit` per reduced excess unit.
    public static func joulesPerSquareMetre(slabEnergy: Double, slab: Slab, bulkPerUnit: Double,
                                            excessPerUnit: Double? = nil) -> Double? {
        var reference = Double(slab.bulkUnits) * bulkPerUnit
        if !slab.isStoichiometric {
            guard let mu = excessPerUnit else { return nil }
            reference += Double(slab.excess.units) * mu
        }
        return (slabEnergy - reference) / (2 * slab.area) * joulePerSquareMetrePerHartreePerSquareAngstrom
    }

    /// dγ/dμ_excess, J/m² per Eh: γ falls as the excess species gets richer.
    public static func slope(slab: Slab) -> Double {
        -Double(slab.excess.units) / (2 * slab.area) * joulePerSquareMetrePerHartreePerSquareAngstrom
    }
}
