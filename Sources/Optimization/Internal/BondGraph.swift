import Foundation
import Structures

/// The bonds TRIC builds its coordinates on, and the fragments (connected components) they define.
///
/// Two atoms are bonded when closer than 1.3 × the sum of their covalent radii (Cordero), except
/// that alkali and alkaline-earth atoms (Cs⁺ here) form no bonds: they are ions, each its own
/// fragment with three translations. Pb–I, Zn–N and Zn–I are bonds, so lead-iodide units and
/// zinc imidazolates are fragments with internal coordinates; an iodide farther from every Pb or
/// Zn is an isolated ion, like Cs.
struct BondGraph: Equatable {
    static let factor = 1.3
    /// A bond of the graph is still counted as present up to this factor (hysteresis for rebuilds).
    static let breakFactor = 1.5

    /// Pairs (i < j), sorted.
    let bonds: [Pair]
    /// Connected components, each sorted, ordered by their first atom.
    let fragments: [[Int]]
    /// Neighbours of each atom, sorted.
    let neighbours: [[Int]]

    struct Pair: Hashable, Comparable {
        let i: Int, j: Int
        static func < (a: Pair, b: Pair) -> Bool { (a.i, a.j) < (b.i, b.j) }
    }

    init(numbers: [Int], x: [Double]) {
        let n = numbers.count
        var bonds: [Pair] = []
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) where Self.bondLength(numbers[i], numbers[j]) != nil {
                let r = PrimitiveGeometry.length(PrimitiveGeometry.position(x, i) - PrimitiveGeometry.position(x, j))
                if r < Self.factor * Self.bondLength(numbers[i], numbers[j])! { bonds.append(Pair(i: i, j: j)) }
            }
        }
        self.init(count: n, bonds: bonds)
    }

    init(count n: Int, bonds: [Pair]) {
        self.bonds = bonds.sorted()
        var neighbours = [[Int]](repeating: [], count: n)
        for b in self.bonds {
            neighbours[b.i].append(b.j)
            neighbours[b.j].append(b.i)
        }
        self.neighbours = neighbours.map { $0.sorted() }
        var seen = [Bool](repeating: false, count: n)
        var fragments: [[Int]] = []
        for start in 0..<n where !seen[start] {
            var stack = [start]
            var component: [Int] = []
            seen[start] = true
            while let a = stack.popLast() {
                component.append(a)
                for b in neighbours[a] where !seen[b] {
                    seen[b] = true
                    stack.append(b)
                }
            }
            fragments.append(component.sorted())
        }
        self.fragments = fragments
    }

    /// Sum of covalent radii (Bohr), or nil when the pair never bonds (an alkali or alkaline earth).
    static func bondLength(_ zi: Int, _ zj: Int) -> Double? {
        let ionic: Set<Int> = [3, 4, 11, 12, 19, 20, 37, 38, 55, 56, 87, 88]
        guard !ionic.contains(zi), !ionic.contains(zj) else { return nil }
        let ri = Element.covalentRadius(zi) ?? 1.5, rj = Element.covalentRadius(zj) ?? 1.5
        return (ri + rj) * Units.bohrPerAngstrom
    }

    /// True when the geometry `x` calls for other coordinates: a new bond below 1.3 × the radii,
    /// or a bond of this graph stretched beyond 1.5 × the radii.
    func changed(numbers: [Int], x: [Double]) -> Bool {
        let present = Set(bonds)
        let n = numbers.count
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                guard let r0 = Self.bondLength(numbers[i], numbers[j]) else { continue }
                let r = PrimitiveGeometry.length(PrimitiveGeometry.position(x, i) - PrimitiveGeometry.position(x, j))
                let bonded = present.contains(Pair(i: i, j: j))
                if bonded, r > Self.breakFactor * r0 { return true }
                if !bonded, r < Self.factor * r0 { return true }
            }
        }
        return false
    }
}
