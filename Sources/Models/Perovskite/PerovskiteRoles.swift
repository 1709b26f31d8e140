import Structures

/// Which element is the A cation, the B metal and the X halide of an ABX3 cell.
public struct PerovskiteRoles: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var x: Int

    public init(a: Int, b: Int, x: Int) {
        self.a = a
        self.b = b
        self.x = x
    }

    /// From a periodic cell with exactly three elements in the ratio 1 : 1 : 3 (single-atom A,
    /// B and X sites): X has the 3n count, B is the one of the other two nearest to X.
    public static func identify(in cell: Structure) throws -> PerovskiteRoles {
        guard let lattice = cell.lattice, cell.isPeriodic else {
            throw ModelBuildError("\(cell.name): a perovskite fragment is cut from a periodic cell (Lattice= or a CIF)")
        }
        var counts: [Int: Int] = [:]
        for z in cell.atomicNumbers { counts[z, default: 0] += 1 }
        let sorted = counts.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        guard sorted.count == 3, sorted[0].value == sorted[1].value, sorted[2].value == 3 * sorted[0].value else {
            throw ModelBuildError("\(cell.name): not an ABX3 cell with single-element A, B and X sites (composition \(cell.formula)); molecular A cations are not supported")
        }
        let x = sorted[2].key
        let (p, q) = (sorted[0].key, sorted[1].key)
        let dp = shortest(from: p, to: x, in: cell, lattice: lattice)
        let dq = shortest(from: q, to: x, in: cell, lattice: lattice)
        return dp < dq ? PerovskiteRoles(a: q, b: p, x: x) : PerovskiteRoles(a: p, b: q, x: x)
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
