import Structures

/// Marks the X atoms of a fragment that face the glass: terminal X (one B within the bond
/// cutoff) on the outermost B layer along the surface normal (B within 1 Å of the highest),
/// whose B→X bond does not point into the fragment (≤ 100° from the normal). Those pointing
/// along the normal (≤ 45°) come first, then by height, then nearest the origin. With none,
/// every terminal X, highest first.
enum GlassFacingSites {
    static let upward = 0.7071
    static let notDownward = -0.1736
    static let layer = 1.0

    /// 0-based X indices, best site first.
    static func find(in s: Structure, bIndices: [Int], xIndices: [Int], bondCutoff: Double, normal: Vec3) -> [Int] {
        let height = { (i: Int) in Geo3.dot(s.positions[i], normal) }
        let terminal = xIndices.compactMap { x -> (x: Int, b: Int)? in
            let bonded = bIndices.filter { Geo3.distance(s.positions[$0], s.positions[x]) <= bondCutoff }
            return bonded.count == 1 ? (x, bonded[0]) : nil
        }
        let cosine = { (site: (x: Int, b: Int)) -> Double in
            let bond = s.positions[site.x] - s.positions[site.b]
            return Geo3.dot(bond, normal) / Geo3.norm(bond)
        }
        let topB = bIndices.map(height).max() ?? 0
        let surface = terminal.filter { height($0.b) >= topB - layer && cosine($0) >= notDownward }
        let pool = surface.isEmpty ? terminal : surface
        let rank = { (site: (x: Int, b: Int)) -> [Int64] in
            let up: Int64 = cosine(site) >= upward ? 0 : 1
            return [up, -Int64((height(site.x) * 1e4).rounded())] + SiteKey(s.positions[site.x], centre: .zero).values
        }
        return pool.sorted { rank($0).lexicographicallyPrecedes(rank($1)) }.map(\.x)
    }
}
