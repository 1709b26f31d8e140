import Structures

/// Turns an imidazolate into a benzimidazolate: a regular benzene hexagon fused on the
/// C4–C5 edge, in the ring plane, on the side away from C2; the H on C4 and C5 removed.
enum Benzannulation {
    static let carbonHydrogen = 1.08

    /// The four new C (from the C5 side round to the C4 side) and their four H.
    static func atoms(c4: Vec3, c5: Vec3, ringCentroid: Vec3) -> (carbons: [Vec3], hydrogens: [Vec3]) {
        let edge = c5 - c4
        let side = Geo3.norm(edge)
        let along = edge / side
        let middle = (c4 + c5) / 2
        let out = Geo3.unit(Geo3.perpendicular(middle - ringCentroid, to: along))!
        let h = side * 3.0.squareRoot() / 2
        let centre = middle + out * h
        let carbons = [centre + along * side, centre + out * h + along * (side / 2),
                       centre + out * h - along * (side / 2), centre - along * side]
        let hydrogens = carbons.map { $0 + carbonHydrogen * Geo3.unit($0 - centre)! }
        return (carbons, hydrogens)
    }
}
