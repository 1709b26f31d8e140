import Structures

/// How to cut a glass fragment from a Zn–imidazolate crystal (which imidazolate, how many Zn,
/// bIm and caps).
public struct GlassFragmentSpec: Sendable, Equatable {
    /// Number of Zn (1: Zn(Im)2(HIm)2; 4: the Zn4 ring Zn4(µ-Im)4(Im)4(HIm)4).
    public var zinc: Int
    /// How many imidazolates become benzimidazolates (bridging first, then anionic terminal,
    /// then capped ligands).
    public var benzimidazolates: Int
    /// The imidazolate: Im (ZIF-4/ZIF-62), mIm (ZIF-8-like) or dcIm (ZIF-71-like).
    public var ligand: GlassLigandVariant
    /// What caps the neutral terminal ligands (on the chosen ligand: HIm → HmIm, HdcIm …).
    public var cap: LigandCap
    /// Fractional point of the crystal cell whose nearest Zn seeds the cluster.
    public var centre: Vec3
    /// Structure name (default "zn<n>[-mim|-dcim][-bim<k>][-meim]").
    public var name: String?

    public init(zinc: Int, benzimidazolates: Int = 0, ligand: GlassLigandVariant = .imidazolate, cap: LigandCap = .hIm,
                centre: Vec3 = Vec3(0.5, 0.5, 0.5), name: String? = nil) {
        self.zinc = zinc
        self.benzimidazolates = benzimidazolates
        self.ligand = ligand
        self.cap = cap
        self.centre = centre
        self.name = name
    }

    public var defaultName: String {
        "zn\(zinc)" + (ligand == .imidazolate ? "" : "-\(ligand.rawValue.lowercased())")
            + (benzimidazolates > 0 ? "-bim\(benzimidazolates)" : "") + (cap == .meIm ? "-meim" : "")
    }
}
