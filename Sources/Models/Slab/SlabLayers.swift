import Structures

/// The atomic layers of one period of an oriented cell: atoms grouped by their height along the
/// plane normal, in a frame where the normal is z and the first in-plane vector is x.
struct SlabLayers {
    /// One layer: its atoms (element, position in the rotated frame) and mean height.
    struct Layer {
        var numbers: [Int]
        var positions: [Vec3]
        var height: Double
        var composition: Composition { Composition(numbers: numbers) }
    }

    /// In-plane vectors (z = 0) and the stacking vector in the rotated frame.
    let u: Vec3
    let v: Vec3
    let w: Vec3
    /// Layers of one period, sorted by height in [0, w.z).
    let layers: [Layer]

    init(oriented cell: Structure, tolerance: Double) {
        let vectors = cell.lattice!.vectors
        let e1 = Self.unit(vectors[0])
        let e3 = Self.unit(Self.cross(vectors[0], vectors[1]))
        let e2 = Self.cross(e3, e1)
        let rotate = { (r: Vec3) in Vec3((r * e1).sum(), (r * e2).sum(), (r * e3).sum()) }
        let stack = rotate(vectors[2])
        (u, v, w) = (rotate(vectors[0]), rotate(vectors[1]), stack)
        let period = stack.z
        // Heights wrapped into [0, period) by whole stacking vectors (keeps in-plane images exact).
        var atoms: [(z: Int, r: Vec3)] = cell.positions.indices.map { i in
            var r = rotate(cell.positions[i])
            let shift = (r.z / period).rounded(.down)
            r -= stack * shift
            return (cell.atomicNumbers[i], r)
        }
        atoms.sort { ($0.r.z, $0.z) < ($1.r.z, $1.z) }
        layers = Self.group(atoms, tolerance: tolerance, period: period, w: stack)
    }

    /// Chains atoms closer than `tolerance` in height into layers; a layer spanning the period
    /// boundary is moved down by one stacking vector so it stays whole.
    private static func group(_ atoms: [(z: Int, r: Vec3)], tolerance: Double, period: Double, w: Vec3) -> [Layer] {
        var groups: [[(z: Int, r: Vec3)]] = []
        for atom in atoms {
            if let last = groups.last?.last, atom.r.z - last.r.z < tolerance {
                groups[groups.count - 1].append(atom)
            } else {
                groups.append([atom])
            }
        }
        if groups.count > 1, let first = groups.first?.first, let last = groups.last?.last,
           first.r.z + period - last.r.z < tolerance {
            let wrapped = groups.removeLast().map { ($0.z, $0.r - w) }
            groups[0] = wrapped + groups[0]
        }
        return groups.map { g in
            Layer(numbers: g.map(\.z), positions: g.map(\.r), height: g.map(\.r.z).reduce(0, +) / Double(g.count))
        }.sorted { $0.height < $1.height }
    }

    static func cross(_ a: Vec3, _ b: Vec3) -> Vec3 {
        Vec3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func unit(_ a: Vec3) -> Vec3 { a / (a * a).sum().squareRoot() }
}

extension SlabLayers {
    static func length(_ a: Vec3) -> Double { (a * a).sum().squareRoot() }
}
