import Structures

/// The metal–halide bonds of a periodic cell (e.g. Pb–I shorter than a cutoff) split into connected
/// components. Each component is unwrapped: every atom gets the lattice image that joins it to the
/// rest of its component, and the translations that map the component onto itself are collected
/// (none for an isolated octahedron, one direction for a chain or ribbon, two for a sheet, three for
/// a framework such as α-CsPbI3). The same search on the other atoms finds molecular cations.
struct BondNetwork {
    /// One connected component: its atoms (indices into the cell), the lattice image of each
    /// (integer multiples of the cell vectors, same order) and its periodicity (rows in the cell's
    /// lattice coordinates, reduced to a basis).
    struct Component {
        var atoms: [Int]
        var images: [SIMD3<Int>]
        var periods: [SIMD3<Int>]
    }

    let components: [Component]
    /// Atoms in no metal–halide bond (the A-site cations).
    let spectators: [Int]

    /// Pairs of atoms (indices into `cell`) for which `bonded` holds, closer than `cutoff` Å through
    /// the periodic images of `cell`.
    init(cell: Structure, cutoff: Double, bonded: (Int, Int) -> Bool) {
        let lattice = cell.lattice!
        var bonds: [[(j: Int, shift: SIMD3<Int>)]] = Array(repeating: [], count: cell.count)
        let shifts = Self.shifts(lattice: lattice, cutoff: cutoff)
        for i in cell.positions.indices {
            for j in i..<cell.count where bonded(i, j) {
                for s in shifts where i != j || s != .zero {
                    let image = cell.positions[j] + lattice.cartesian(fromFractional: SIMD3<Double>(s))
                    let d = image - cell.positions[i]
                    guard (d * d).sum() < cutoff * cutoff else { continue }
                    bonds[i].append((j, s))
                    if i != j { bonds[j].append((i, SIMD3<Int>.zero &- s)) }
                }
            }
        }
        var placed: [SIMD3<Int>?] = Array(repeating: nil, count: cell.count)
        var components: [Component] = []
        for seed in cell.positions.indices where !bonds[seed].isEmpty && placed[seed] == nil {
            placed[seed] = .zero
            var queue = [seed], head = 0, cycles: [SIMD3<Int>] = []
            while head < queue.count {
                let k = queue[head]
                head += 1
                for (j, s) in bonds[k] {
                    let image = placed[k]! &+ s
                    if let existing = placed[j] {
                        if existing != image { cycles.append(image &- existing) }
                    } else {
                        placed[j] = image
                        queue.append(j)
                    }
                }
            }
            let atoms = queue.sorted()
            components.append(Component(atoms: atoms, images: atoms.map { placed[$0]! },
                                        periods: IntegerBasis.reduce(cycles)))
        }
        self.components = components
        spectators = cell.positions.indices.filter { bonds[$0].isEmpty }
    }

    /// Metals (Z ≥ 21, not alkali or alkaline earth, not a chalcogen or noble gas) bonded to halides
    /// (F, Cl, Br, I) closer than `cutoff` Å: the octahedral network of a halide perovskite.
    static func metalHalide(cell: Structure, cutoff: Double) -> BondNetwork {
        let kind = cell.atomicNumbers.map(Self.kind)
        return BondNetwork(cell: cell, cutoff: cutoff) { i, j in
            (kind[i] == .metal && kind[j] == .halide) || (kind[i] == .halide && kind[j] == .metal)
        }
    }

    enum Kind { case metal, halide, other }

    static func kind(_ z: Int) -> Kind {
        let halides: Set<Int> = [9, 17, 35, 53]
        let nonMetals: Set<Int> = [34, 52, 85, 36, 54, 86, 33]
        let alkali: Set<Int> = [37, 38, 55, 56, 87, 88]
        if halides.contains(z) { return .halide }
        return z >= 21 && !alkali.contains(z) && !nonMetals.contains(z) ? .metal : .other
    }

    /// Lattice translations that can hold a bond shorter than `cutoff` (a box of ± n cells per
    /// direction, n from the cell's face widths).
    private static func shifts(lattice: Lattice, cutoff: Double) -> [SIMD3<Int>] {
        let lengths = lattice.vectors.indices.map { i -> Int in
            let a = lattice.vectors[(i + 1) % 3], b = lattice.vectors[(i + 2) % 3]
            let n = SlabLayers.cross(a, b)
            let width = abs((lattice.vectors[i] * n).sum()) / SlabLayers.length(n)
            return Int((cutoff / width).rounded(.up)) + 1
        }
        return (-lengths[0]...lengths[0]).flatMap { i in
            (-lengths[1]...lengths[1]).flatMap { j in (-lengths[2]...lengths[2]).map { k in SIMD3(i, j, k) } }
        }
    }
}
