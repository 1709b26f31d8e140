import Structures

/// Whole-ribbon placement of a chain compound's sites (δ-CsPbI3: edge-sharing Pb2I6 double ribbons
/// along b). When the cell's B–X network (`BondNetwork.metalHalide`) is made only of 1-D chains
/// running along one cell axis, each chain component with the A cations it owns (`RibbonCations`)
/// is one unit: unwrapped across the chain and moved into the cell as a whole, by its centroid's
/// coordinates perpendicular to the chain. Along the chain every atom is wrapped on its own, as in
/// a framework, so a block cuts each chain into whole periods and never slices it lengthwise.
struct NanocrystalRibbons {
    /// The cell axis the chains run along (0, 1, 2 for a, b, c).
    let axis: Int
    /// Fractional coordinates of each site of the cell, with its unit's image across the chain
    /// applied (a unit is contiguous across; along the axis the values are not used as such).
    let fractional: [Vec3]
    /// The unit of each site.
    let unitOf: [Int]
    /// Fractional centroid of each unit.
    let centroids: [Vec3]

    /// The units of `cell` (a perovskite cell seen as sites: a molecular cation is one site), or
    /// nil when its B–X network is not all 1-D chains (a framework, sheets, isolated octahedra):
    /// those blocks keep the plain per-site wrap. Throws when the chains run along several axes or
    /// along an axis that is not a cell vector. A cation equally near two ribbons (no clear owner,
    /// `RibbonCations.owner`) is a unit of its own.
    init?(cell: Structure, lattice: Lattice, cutoff: Double) throws {
        let network = BondNetwork.metalHalide(cell: cell, cutoff: cutoff)
        guard !network.components.isEmpty, network.components.allSatisfy({ $0.periods.count == 1 }) else { return nil }
        let axes = Set(network.components.map { $0.periods[0] })
        guard axes.count == 1, let period = axes.first else {
            let listed = axes.map(Self.label).sorted().joined(separator: ", ")
            throw ModelBuildError("\(cell.name): its B–X chains run along several directions (\(listed)); "
                + "a nanocrystal of a chain compound needs them all along one cell axis")
        }
        let nonzero = (0..<3).filter { period[$0] != 0 }
        guard nonzero.count == 1, let axis = nonzero.first else {
            throw ModelBuildError("\(cell.name): its B–X chains run along \(Self.label(period)), not along a cell vector; "
                + "a nanocrystal of a chain compound is cut from a cell with a, b or c along the chains")
        }
        self.axis = axis
        let base = cell.positions.map(lattice.fractional(fromCartesian:))
        var fractional = base
        var unitOf = Array(repeating: -1, count: cell.count)
        var centres: [Vec3] = []
        for (u, component) in network.components.enumerated() {
            for (atom, image) in zip(component.atoms, component.images) {
                fractional[atom] = base[atom] + Vec3(image)
                unitOf[atom] = u
            }
            centres.append(lattice.cartesian(fromFractional: Geo3.centroid(component.atoms.map { fractional[$0] })))
        }
        let vectors = lattice.vectors
        let direction = vectors[axis] / Geo3.norm(vectors[axis])
        var units = network.components.count
        for site in network.spectators {
            do {
                let (owner, shift) = try RibbonCations.owner(of: cell.positions[site], centres: centres, direction: direction,
                                                             u: vectors[0], v: vectors[1], w: vectors[2], name: cell.name)
                fractional[site] = base[site] + lattice.fractional(fromCartesian: shift).rounded(.toNearestOrEven)
                unitOf[site] = owner
            } catch is RibbonUnits.Refusal {
                unitOf[site] = units
                units += 1
            }
        }
        self.fractional = fractional
        self.unitOf = unitOf
        centroids = (0..<units).map { u in Geo3.centroid(unitOf.indices.filter { unitOf[$0] == u }.map { fractional[$0] }) }
    }

    /// The origin offsets across the chain: per perpendicular axis, the grid value (multiples of
    /// 1/8) that keeps every unit centroid farthest from the cell faces (largest smallest distance
    /// of (c − o) mod 1 to 0 or 1), ties to the smallest. Kept bonds do not depend on these offsets
    /// (units never share a bond), so the rule only has to be deterministic and keep centroids off
    /// the faces, where rounding could move a unit a whole cell. δ-CsPbI3 (centroids 0 and ½): ¼.
    var perpendicularOrigin: Vec3 {
        var origin = Vec3.zero
        for p in 0..<3 where p != axis {
            let values = (0..<NanocrystalOrigin.grid).map { Double($0) / Double(NanocrystalOrigin.grid) }
            let clearance = values.map { o in
                centroids.map { c in
                    let x = c[p] - o - (c[p] - o).rounded(.down)
                    return min(x, 1 - x)
                }.min() ?? 0
            }
            origin[p] = values[clearance.indices.max { clearance[$0] < clearance[$1] || (clearance[$0] == clearance[$1] && $0 > $1) }!]
        }
        return origin
    }

    /// The candidate origins of the search: the perpendicular offsets fixed, the grid along the chain.
    var offsets: [Vec3] {
        let across = perpendicularOrigin
        return (0..<NanocrystalOrigin.grid).map { i in
            var o = across
            o[axis] = Double(i) / Double(NanocrystalOrigin.grid)
            return o
        }
    }

    /// The sites' fractional coordinates for `origin`: minus the origin; each unit moved by whole
    /// lattice vectors across the chain so its centroid lies in [0, 1); along the chain each site
    /// wrapped on its own into [−tolerance, 1 − tolerance) (`NanocrystalOrigin.wrap`).
    func place(origin: Vec3) -> [Vec3] {
        let along = NanocrystalOrigin.wrap(fractional, origin: origin)
        return fractional.indices.map { s in
            var f = fractional[s] - origin
            let c = centroids[unitOf[s]] - origin
            for p in 0..<3 where p != axis { f[p] -= c[p].rounded(.down) }
            f[axis] = along[s][axis]
            return f
        }
    }

    private static func label(_ v: SIMD3<Int>) -> String { "[\(v.x) \(v.y) \(v.z)]" }
}
