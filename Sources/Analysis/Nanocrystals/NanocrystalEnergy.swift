/// One molecular nanocrystal of a phase with its energy: a block of whole bulk cells (formula
/// units, the box it fills) and the stored calculation it came from.
public struct NanocrystalEnergy: Sendable, Equatable, Codable {
    /// Structure name, e.g. "alpha_nc_3x3x3".
    public var name: String
    public var formulaUnits: Double
    /// Area of the box of whole cells the block fills, Å².
    public var boxAreaA2: Double
    /// Volume of that box, Å³ (formula units × the phase's volume per unit).
    public var boxVolumeA3: Double
    /// B sites on the block's surface (fewer halides than in the bulk): where a glass ligand can bind.
    public var surfaceBSites: Double
    public var energyHartree: Double
    /// Row of `calculations` the energy was read from (nil for hand-made inputs).
    public var calculationID: Int64?

    public init(name: String, formulaUnits: Double, boxAreaA2: Double, boxVolumeA3: Double, surfaceBSites: Double,
                energyHartree: Double, calculationID: Int64? = nil) {
        self.name = name
        self.formulaUnits = formulaUnits
        self.boxAreaA2 = boxAreaA2
        self.boxVolumeA3 = boxVolumeA3
        self.surfaceBSites = surfaceBSites
        self.energyHartree = energyHartree
        self.calculationID = calculationID
    }

    /// L = V^(1/3), Å: the size that enters the log term.
    public var lengthA: Double { Foundation.pow(boxVolumeA3, 1.0 / 3.0) }
}

import Foundation
