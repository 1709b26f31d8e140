/// What a ligand exchange enumerates and how it places the atoms.
public struct ExchangeSpec: Sendable, Equatable {
    /// Exchanged pairs per product: k imidazolates to k surface metals (Pb, Sn), k halides to Zn.
    public var k: Int
    /// How many of the perovskite's glass-facing sites to use (best first; nil = all).
    public var sites: Int?
    /// Ligand ordinals (1-based, in the glass fragment's ligand order) that may move; empty =
    /// every exchangeable (terminal anionic) ligand.
    public var ligands: [Int]
    /// Placements of the glass unit around the transferred ligand (azimuths 360°/m apart;
    /// 0 = towards the fragment's centre).
    public var orientations: Int
    /// At most this many distinct products (nil = all).
    public var maxProducts: Int?
    /// Products closer than this RMSD (Å, after superposition and atom matching) are duplicates.
    public var rmsdThreshold: Double
    /// M–N of the transferred imidazolate on the surface metal (Pb or Sn), Å.
    public var metalNitrogen: Double
    /// Zn–X of the transferred halide (Å); nil: by halide (`zincHalide(for:)`).
    public var zincHalide: Double?

    public init(k: Int = 1, sites: Int? = nil, ligands: [Int] = [], orientations: Int = 2, maxProducts: Int? = nil,
                rmsdThreshold: Double = 0.05, metalNitrogen: Double = 2.55, zincHalide: Double? = nil) {
        self.k = k
        self.sites = sites
        self.ligands = ligands
        self.orientations = orientations
        self.maxProducts = maxProducts
        self.rmsdThreshold = rmsdThreshold
        self.metalNitrogen = metalNitrogen
        self.zincHalide = zincHalide
    }

    /// The label of `orientation` in product names: "o1" with one or two orientations (0° and
    /// 180°), "o1of4" with more, so one label always names one azimuth whichever run made it (o1
    /// of two is 180°, o1 of four 90°).
    public func orientationTag(_ orientation: Int) -> String {
        orientations <= 2 ? "o\(orientation)" : "o\(orientation)of\(orientations)"
    }

    /// Terminal Zn–X bond lengths of tetrahedral Zn (Å): Cl 2.25, Br 2.40, I 2.60 (F 1.90, At
    /// as I); what a halide moved onto Zn gets unless `zincHalide` is set.
    public static func zincHalide(for halide: Int) -> Double {
        switch halide {
        case 9: 1.90
        case 17: 2.25
        case 35: 2.40
        default: 2.60
        }
    }
}
