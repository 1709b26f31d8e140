import Structures

/// Which element is the A cation, the B metal and the X halide of an ABX3 cell; a molecular A
/// cation (MA⁺, FA⁺ …) has `a` = 0 and its formula in `molecule`.
public struct PerovskiteRoles: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var x: Int
    /// Formula of a molecular A cation ("CH5N2" for HC(NH2)2⁺), nil for a single-atom A.
    public var molecule: String?

    public init(a: Int, b: Int, x: Int, molecule: String? = nil) {
        self.a = a
        self.b = b
        self.x = x
        self.molecule = molecule
    }

    /// "Cs", "Pb", "I"; the A of a molecular cation by its formula.
    public var symbols: (a: String, b: String, x: String) {
        let name = { (z: Int) in Element.symbol(z) ?? "Z\(z)" }
        return (molecule ?? name(a), name(b), name(x))
    }

    /// From a periodic cell whose sites (atoms, and molecular cations found by their bonds) are
    /// three kinds in the ratio 1 : 1 : 3: X has the 3n count, B is the one of the other two
    /// nearest to X.
    public static func identify(in cell: Structure) throws -> PerovskiteRoles {
        try identify(sites: PerovskiteSites(cell))
    }

    static func identify(sites: PerovskiteSites) throws -> PerovskiteRoles {
        let cell = sites.cell
        let lattice = cell.lattice!
        var counts: [Int: Int] = [:]
        for z in cell.atomicNumbers { counts[z, default: 0] += 1 }
        let sorted = counts.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        guard sorted.count == 3, sorted[0].value == sorted[1].value, sorted[2].value == 3 * sorted[0].value,
              sorted[2].key != PerovskiteSites.molecular else {
            let composition = sites.molecule.map { "sites \(cell.formula), molecule \($0)" } ?? cell.formula
            throw ModelBuildError("\(cell.name): not an ABX3 cell with one kind each of A, B and X site (composition \(composition))")
        }
        let x = sorted[2].key
        let (p, q) = (sorted[0].key, sorted[1].key)
        let dp = shortest(from: p, to: x, in: cell, lattice: lattice)
        let dq = shortest(from: q, to: x, in: cell, lattice: lattice)
        let roles = dp < dq ? PerovskiteRoles(a: q, b: p, x: x) : PerovskiteRoles(a: p, b: q, x: x)
        guard roles.b != PerovskiteSites.molecular else {
            throw ModelBuildError("\(cell.name): the molecular cation sits nearer the halide than the metal does; not a perovskite ABX3 cell")
        }
        return PerovskiteRoles(a: roles.a, b: roles.b, x: roles.x, molecule: roles.a == PerovskiteSites.molecular ? sites.molecule : nil)
    }

    /// Shortest minimum-image distance between an atom of element `from` and one of `to`.
    static func shortest(from: Int, to: Int, in cell: Structure, lattice: Lattice) -> Double {
        var best = Double.infinity
        for i in cell.atomicNumbers.indices where cell.atomicNumbers[i] == from {
            for j in cell.atomicNumbers.indices where cell.atomicNumbers[j] == to {
                best = min(best, Geo3.norm(lattice.minimumImage(from: cell.positions[i], to: cell.positions[j])))
            }
        }
        return best
    }
}
