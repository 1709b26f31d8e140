import Foundation
import Structures

/// What closes a terminal ligand's free N so the fragment stays neutral: an H (imidazole,
/// HIm) or a methyl (1-methylimidazole, MeIm, which has no N–H proton to lose).
public enum LigandCap: String, Sendable, CaseIterable {
    case hIm = "HIm"
    case meIm = "MeIm"

    /// Parses "HIm" / "MeIm" (any case).
    public init?(name: String) {
        guard let cap = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = cap
    }

    static let nitrogenHydrogen = 1.01
    static let nitrogenCarbon = 1.46
    static let carbonHydrogen = 1.09

    /// The cap atoms on nitrogen `n` whose ring neighbours are `a` and `b` (ring normal
    /// `normal`): heavy atom first, then its H.
    func atoms(n: Vec3, a: Vec3, b: Vec3, normal: Vec3) -> [(z: Int, position: Vec3)] {
        let out = Geo3.unit(n - (a + b) / 2)!
        switch self {
        case .hIm:
            return [(1, n + Self.nitrogenHydrogen * out)]
        case .meIm:
            let c = n + Self.nitrogenCarbon * out
            let side = Geo3.unit(Geo3.cross(out, normal))!
            let tilt = (180 - 109.47) * Double.pi / 180
            let hydrogens = (0..<3).map { k -> (z: Int, position: Vec3) in
                let phi = Double(k) * 2 * Double.pi / 3
                let radial = normal * cos(phi) + side * sin(phi)
                return (1, c + Self.carbonHydrogen * (out * cos(tilt) + radial * sin(tilt)))
            }
            return [(6, c)] + hydrogens
        }
    }
}
