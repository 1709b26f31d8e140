import Structures

/// Builds molecular nanocrystals: blocks of whole bulk cells, cut with the origin that keeps the
/// most metal–halide bonds (docs/models.md, "Nanocrystals").
public enum NanocrystalBuilder {
    /// The block of `repeats` cells of the ABX3 `cell`: every site wrapped into the cell shifted by
    /// the best grid origin (`NanocrystalOrigin`), then the cell repeated; molecular, charge 0,
    /// stoichiometric by construction. A molecular A cation moves whole, by its centroid. A chain
    /// compound's ribbons (with their cations) move whole across the chain (`NanocrystalRibbons`),
    /// so the block keeps every ribbon whole and cuts it only into whole periods along the chain.
    public static func build(cell: Structure, repeats: SIMD3<Int>) throws -> Nanocrystal {
        guard let lattice = cell.lattice, lattice.pbc.allSatisfy({ $0 }) else {
            throw ModelBuildError("\(cell.name): a nanocrystal is cut from a cell periodic in all three directions")
        }
        guard (0..<3).allSatisfy({ repeats[$0] >= 1 }) else {
            throw ModelBuildError("\(cell.name): repeats must be ≥ 1 along a, b and c (got \(NanocrystalRepeats.label(repeats)))")
        }
        let sites = try PerovskiteSites(cell)
        let roles = try PerovskiteRoles.identify(sites: sites)
        let cutoff = PerovskiteCutoffs(cell: sites.cell, lattice: lattice, roles: roles).bx
        let bonds = NanocrystalBonds(cell: sites.cell, lattice: lattice, roles: roles, cutoff: cutoff)
        let fractional = sites.cell.positions.map(lattice.fractional(fromCartesian:))
        let best: (origin: Vec3, steps: [SIMD3<Int>], kept: Int)
        let wrapped: [Vec3]
        if let ribbons = try NanocrystalRibbons(cell: sites.cell, lattice: lattice, cutoff: cutoff) {
            best = NanocrystalOrigin.best(offsets: ribbons.offsets, bonds: bonds, repeats: repeats, place: ribbons.place)
            wrapped = ribbons.place(origin: best.origin)
        } else {
            best = NanocrystalOrigin.best(fractional: fractional, bonds: bonds, repeats: repeats)
            wrapped = NanocrystalOrigin.wrap(fractional, origin: best.origin)
        }
        let label = NanocrystalRepeats.label(repeats)
        let structure = block(sites: sites, wrapped: wrapped, lattice: lattice, repeats: repeats,
                              name: "\(cell.name)-nc-\(label)")
        let cells = repeats.x * repeats.y * repeats.z
        let box = Box(lattice: lattice, repeats: repeats)
        return Nanocrystal(structure: structure, repeats: repeats, formulaUnits: FormulaUnits.count(in: cell) * cells,
                           boxAreaA2: box.area, faceAreasA2: box.faces, boxVolumeA3: box.volume,
                           surfaceBSites: surfaceSites(bonds: bonds, steps: best.steps, repeats: repeats),
                           brokenBonds: bonds.bonds.count * cells - best.kept, keptBonds: best.kept,
                           bondCutoff: cutoff, origin: best.origin)
    }

    /// The block's cells in lexicographic order (a slowest), each a copy of the sites in cell order.
    static func block(sites: PerovskiteSites, wrapped: [Vec3], lattice: Lattice, repeats: SIMD3<Int>,
                      name: String) -> Structure {
        var numbers: [Int] = []
        var positions: [Vec3] = []
        for n in cellIndices(repeats) {
            for (s, f) in wrapped.enumerated() {
                let centre = lattice.cartesian(fromFractional: f + Vec3(n))
                for member in sites.members[s] {
                    numbers.append(member.z)
                    positions.append(centre + member.offset)
                }
            }
        }
        return Structure(name: name, atomicNumbers: numbers, positions: positions)
    }

    /// Cell indices n of the block, lexicographic.
    static func cellIndices(_ repeats: SIMD3<Int>) -> [SIMD3<Int>] {
        (0..<repeats.x).flatMap { i in
            (0..<repeats.y).flatMap { j in (0..<repeats.z).map { k in SIMD3(i, j, k) } }
        }
    }

    /// B atoms of the block missing at least one bulk bond: a B in cell n loses its bond of step k
    /// when n + k leaves the block.
    static func surfaceSites(bonds: NanocrystalBonds, steps: [SIMD3<Int>], repeats: SIMD3<Int>) -> Int {
        let stepsOf = Dictionary(grouping: zip(bonds.bonds, steps), by: { $0.0.b }).mapValues { $0.map(\.1) }
        return cellIndices(repeats).reduce(0) { total, n in
            total + bonds.bSites.filter { b in
                (stepsOf[b] ?? []).contains { k in
                    let m = n &+ k
                    return (0..<3).contains { m[$0] < 0 || m[$0] >= repeats[$0] }
                }
            }.count
        }
    }

    /// The parallelepiped spanned by A, B, C = repeats × the cell vectors.
    struct Box {
        /// Its two faces of each family, [2|B×C|, 2|C×A|, 2|A×B|] (the faces across a, b, c), Å².
        let faces: [Double]
        let area: Double
        let volume: Double

        init(lattice: Lattice, repeats: SIMD3<Int>) {
            let v = (0..<3).map { lattice.vectors[$0] * Double(repeats[$0]) }
            faces = [Geo3.cross(v[1], v[2]), Geo3.cross(v[2], v[0]), Geo3.cross(v[0], v[1])].map { 2 * Geo3.norm($0) }
            area = faces.reduce(0, +)
            volume = abs(Geo3.dot(v[0], Geo3.cross(v[1], v[2])))
        }
    }
}
