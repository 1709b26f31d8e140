import Foundation

/// One molecular nanocrystal of a phase with its energy: a block of whole bulk cells (formula
/// units, the box it fills and that box's three face families) and the stored calculation it came from.
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
    /// The box's face families [2|B×C|, 2|C×A|, 2|A×B|], Å² (sum: boxAreaA2); nil: unknown.
    public var faceAreasA2: [Double]?
    /// Cells along a, b, c; nil: unknown.
    public var repeats: [Int]?

    public init(name: String, formulaUnits: Double, boxAreaA2: Double, boxVolumeA3: Double, surfaceBSites: Double,
                energyHartree: Double, calculationID: Int64? = nil, faceAreasA2: [Double]? = nil, repeats: [Int]? = nil) {
        self.name = name
        self.formulaUnits = formulaUnits
        self.boxAreaA2 = boxAreaA2
        self.boxVolumeA3 = boxVolumeA3
        self.surfaceBSites = surfaceBSites
        self.energyHartree = energyHartree
        self.calculationID = calculationID
        self.faceAreasA2 = faceAreasA2
        self.repeats = repeats
    }

    /// L = V^(1/3), Å: the size that enters the log term.
    public var lengthA: Double { pow(boxVolumeA3, 1.0 / 3.0) }

    /// The area of one cell face of each family, Å² (face family area / (2 · cells on that face)).
    var cellFaceAreas: [Double]? {
        guard let f = faceAreasA2, let r = repeats, f.count == 3, r.count == 3 else { return nil }
        return (0..<3).map { (k: Int) -> Double in
            let cells = r[(k + 1) % 3] * r[(k + 2) % 3]
            return f[k] / (2 * Double(cells))
        }
    }
}
