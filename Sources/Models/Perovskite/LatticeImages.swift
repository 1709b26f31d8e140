import Foundation
import Structures

/// The atoms of a periodic cell and their lattice images within a sphere.
struct LatticeImages {
    /// One image atom: element, Cartesian position, and the cell atom it copies.
    struct Atom {
        var z: Int
        var position: Vec3
        var source: Int
    }

    let atoms: [Atom]

    /// Every image of every cell atom within `radius` Å of `centre`.
    init(cell: Structure, lattice: Lattice, centre: Vec3, radius: Double) {
        let (a, b, c) = (lattice.vectors[0], lattice.vectors[1], lattice.vectors[2])
        let volume = abs(Geo3.dot(a, Geo3.cross(b, c)))
        let widths = [Geo3.cross(b, c), Geo3.cross(c, a), Geo3.cross(a, b)].map { volume / Geo3.norm($0) }
        let reach = widths.map { Int(ceil(radius / $0)) + 1 }
        let f = lattice.fractional(fromCartesian: centre)
        let base = [f.x, f.y, f.z].map { Int($0.rounded(.down)) }
        var found: [Atom] = []
        for i in (base[0] - reach[0])...(base[0] + reach[0]) {
            for j in (base[1] - reach[1])...(base[1] + reach[1]) {
                for k in (base[2] - reach[2])...(base[2] + reach[2]) {
                    let shift = a * Double(i) + b * Double(j) + c * Double(k)
                    for (n, r) in cell.positions.enumerated() where Geo3.distance(r + shift, centre) <= radius {
                        found.append(Atom(z: cell.atomicNumbers[n], position: r + shift, source: n))
                    }
                }
            }
        }
        atoms = found
    }
}
