import Structures

/// Distances that define a cut, taken from the bulk cell itself: the B–X bond (each B's six
/// nearest X) and the A–X contact (1.2 × the shortest A–X distance).
struct PerovskiteCutoffs {
    /// B–X bonded distance limit (Å).
    let bx: Double
    /// A–X contact limit (Å).
    let ax: Double

    /// How far beyond the chosen B the cut looks for X and A (Å).
    var margin: Double { bx + ax + 1 }

    init(cell: Structure, lattice: Lattice, roles: PerovskiteRoles) {
        var bx = 0.0
        for (i, z) in cell.atomicNumbers.enumerated() where z == roles.b {
            let around = LatticeImages(cell: cell, lattice: lattice, centre: cell.positions[i], radius: 9)
            let d = around.atoms.filter { $0.z == roles.x }.map { Geo3.distance($0.position, cell.positions[i]) }.sorted()
            guard d.count >= 6 else { continue }
            let seventh = d.count > 6 ? d[6] : d[5] * 2
            bx = max(bx, min(1.15 * d[5], (d[5] + seventh) / 2))
        }
        self.bx = bx > 0 ? bx : 3.6
        ax = 1.2 * PerovskiteRoles.shortest(from: roles.a, to: roles.x, in: cell, lattice: lattice)
    }
}
