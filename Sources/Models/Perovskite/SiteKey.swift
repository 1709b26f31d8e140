import Structures

/// Deterministic ordering of sites: distance to a centre, then x, y, z, each rounded to 1e-4 Å,
/// so that a cut does not depend on the order of atoms in the input cell.
struct SiteKey: Comparable {
    let values: [Int64]

    init(_ p: Vec3, centre: Vec3) {
        let r = p - centre
        values = [Geo3.norm(r), r.x, r.y, r.z].map { Int64(($0 * 1e4).rounded()) }
    }

    static func < (l: SiteKey, r: SiteKey) -> Bool { l.values.lexicographicallyPrecedes(r.values) }
}
