import Structures

/// The bond graph of a structure under a `BondRule` (minimum image for periodic cells).
public struct BondGraph: Sendable, Equatable {
    /// A bond between atoms i < j (0-based).
    public struct Bond: Sendable, Hashable, Comparable {
        public let i: Int
        public let j: Int

        public init(_ a: Int, _ b: Int) {
            (i, j) = a < b ? (a, b) : (b, a)
        }

        public static func < (l: Bond, r: Bond) -> Bool { (l.i, l.j) < (r.i, r.j) }
    }

    public let atomicNumbers: [Int]
    public let bonds: Set<Bond>
    /// Neighbours of each atom, ascending.
    public let neighbours: [[Int]]

    public init(_ structure: Structure, rule: BondRule = BondRule()) {
        let numbers = structure.atomicNumbers
        let lattice = structure.isPeriodic ? structure.lattice : nil
        var found = Set<Bond>()
        let p = structure.positions
        for i in p.indices {
            for j in (i + 1)..<p.count {
                let v = lattice?.minimumImage(from: p[i], to: p[j]) ?? (p[j] - p[i])
                if rule.bonded(numbers[i], numbers[j], distance: Geo3.norm(v)) {
                    found.insert(Bond(i, j))
                }
            }
        }
        self.init(atomicNumbers: numbers, bonds: found)
    }

    public init(atomicNumbers: [Int], bonds: Set<Bond>) {
        self.atomicNumbers = atomicNumbers
        self.bonds = bonds
        var adjacency = [[Int]](repeating: [], count: atomicNumbers.count)
        for b in bonds {
            adjacency[b.i].append(b.j)
            adjacency[b.j].append(b.i)
        }
        neighbours = adjacency.map { $0.sorted() }
    }

    /// Connected components, each sorted, ordered by their first atom.
    public func components(excluding excluded: Set<Bond> = []) -> [[Int]] {
        var label = [Int](repeating: -1, count: atomicNumbers.count)
        var result: [[Int]] = []
        for start in atomicNumbers.indices where label[start] < 0 {
            var stack = [start]
            var members: [Int] = []
            label[start] = result.count
            while let a = stack.popLast() {
                members.append(a)
                for b in neighbours[a] where label[b] < 0 && !excluded.contains(Bond(a, b)) {
                    label[b] = result.count
                    stack.append(b)
                }
            }
            result.append(members.sorted())
        }
        return result
    }

    /// The atom an H is bonded to: the nearest bonded non-H atom, else a bonded H, else nil.
    func partner(ofHydrogen h: Int, positions: [Vec3]) -> Int? {
        let bonded = neighbours[h]
        let heavy = bonded.filter { atomicNumbers[$0] != 1 }
        let pool = heavy.isEmpty ? bonded : heavy
        return pool.min { Geo3.distance(positions[$0], positions[h]) < Geo3.distance(positions[$1], positions[h]) }
    }
}
