import Structures

/// The B–X bonds of a bulk cell (each B's X closer than the cutoff, through the lattice images), and
/// how many of them a block of whole cells cut with a given origin keeps.
struct NanocrystalBonds {
    /// One bond: the B site, the X site and the fractional displacement from B to that X image.
    struct Bond {
        var b: Int
        var x: Int
        var displacement: Vec3
    }

    let bonds: [Bond]
    /// The B sites of the cell, in order.
    let bSites: [Int]
    /// X neighbours of each B site in the bulk (index as in `bSites`).
    let bulkCoordination: [Int: Int]

    /// The bonds of `sites` (a perovskite cell seen as sites) shorter than `cutoff` Å.
    init(cell: Structure, lattice: Lattice, roles: PerovskiteRoles, cutoff: Double) {
        var bonds: [Bond] = []
        bSites = cell.atomicNumbers.indices.filter { cell.atomicNumbers[$0] == roles.b }
        for b in bSites {
            let centre = cell.positions[b]
            let around = LatticeImages(cell: cell, lattice: lattice, centre: centre, radius: cutoff)
            for image in around.atoms where image.z == roles.x && Geo3.distance(image.position, centre) < cutoff {
                bonds.append(Bond(b: b, x: image.source,
                                  displacement: lattice.fractional(fromCartesian: image.position - centre)))
            }
        }
        self.bonds = bonds
        bulkCoordination = Dictionary(grouping: bonds, by: \.b).mapValues(\.count)
    }

    /// For each bond, the cell step k (per axis) from a B in block cell n to its X: the X sits in
    /// cell n + k, given the wrapped fractional coordinates of the cell's sites.
    func steps(wrapped: [Vec3]) -> [SIMD3<Int>] {
        bonds.map { bond in
            let k = (wrapped[bond.b] + bond.displacement - wrapped[bond.x]).rounded(.toNearestOrEven)
            return SIMD3(Int(k.x), Int(k.y), Int(k.z))
        }
    }

    /// Bonds kept in a block of `repeats` cells: a bond with step k is kept by ∏ max(0, R − |k|) cells.
    static func kept(steps: [SIMD3<Int>], repeats: SIMD3<Int>) -> Int {
        steps.reduce(0) { total, k in
            let inside = (0..<3).map { max(0, repeats[$0] - abs(k[$0])) }
            return total + inside.reduce(1, *)
        }
    }
}
