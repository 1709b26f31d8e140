import Structures

/// When two atoms count as bonded: distance ≤ tolerance × (sum of covalent radii, Cordero 2008);
/// two metals are never bonded to each other (cation–cation contacts in ionic clusters).
public struct BondRule: Sendable, Equatable {
    /// Factor on the sum of covalent radii (1.25: Pb–I ≤ 3.56 Å, Zn–N ≤ 2.41, N–H ≤ 1.28,
    /// Cs–I ≤ 4.79; an N–H···N hydrogen bond's 1.8–2.0 Å H···N stays non-bonded).
    public var tolerance: Double

    public init(tolerance: Double = 1.25) {
        self.tolerance = tolerance
    }

    /// The largest bonded distance for the pair (Å), 0 for two metals.
    public func cutoff(_ zi: Int, _ zj: Int) -> Double {
        if Self.isMetal(zi) && Self.isMetal(zj) { return 0 }
        let ri = Element.covalentRadius(zi) ?? 1.5
        let rj = Element.covalentRadius(zj) ?? 1.5
        return tolerance * (ri + rj)
    }

    public func bonded(_ zi: Int, _ zj: Int, distance: Double) -> Bool {
        distance > 0 && distance <= cutoff(zi, zj)
    }

    /// Metals and metalloid-free cations: everything but H, the p-block non-metals, halogens
    /// and noble gases (B, Si, Ge, As, Sb, Te count as non-metals here).
    public static func isMetal(_ z: Int) -> Bool { !nonMetals.contains(z) }

    /// Alkali and alkaline-earth cations (Li…Cs, Be…Ba): ionic spectators whose contacts count
    /// for connectivity but are not reported as bond changes.
    public static func isIonicSpectator(_ z: Int) -> Bool { [3, 11, 19, 37, 55, 4, 12, 20, 38, 56].contains(z) }

    /// Halogens F, Cl, Br, I, At.
    public static func isHalogen(_ z: Int) -> Bool { [9, 17, 35, 53, 85].contains(z) }

    static let nonMetals: Set<Int> = [1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 32, 33, 34, 35, 36, 51, 52, 53, 54, 85, 86]
}
