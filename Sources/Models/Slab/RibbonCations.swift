import Structures

/// Which ribbon each cation belongs to in a ribbon slab: every cation (a Cs atom, or a whole
/// molecular cation such as FA, kept in one piece) goes to the ribbon whose axis is nearest to its
/// centroid, at the image next to that ribbon. The rule is symmetric (a bulk symmetry that maps
/// ribbons onto ribbons maps owners onto owners) and refuses a cation with two nearly equal owners.
enum RibbonCations {
    /// A cation nearer than this (Å) to its second-nearest ribbon axis than to the nearest has no
    /// clear owner (δ-CsPbI3: 5.34 against 5.89 Å).
    static let ownershipMargin = 0.1
    /// Atoms outside the metal–halide network closer than this (Å) are one molecule (C–N, C–H, N–H).
    static let moleculeCutoff = 2.0

    /// The cations among `spectators` of `cell`: molecules unwrapped whole, single atoms alone;
    /// positions rotated by `rotate`.
    static func groups(_ cell: Structure, spectators: [Int],
                       rotate: (Vec3) -> Vec3) throws -> [(numbers: [Int], positions: [Vec3])] {
        let loose = Set(spectators)
        let molecules = BondNetwork(cell: cell, cutoff: moleculeCutoff) { loose.contains($0) && loose.contains($1) }
        guard molecules.components.allSatisfy({ $0.periods.isEmpty }) else {
            throw RibbonUnits.Refusal(description: "\(cell.name): the atoms between the ribbons form an extended network")
        }
        let lattice = cell.lattice!
        let whole = molecules.components.map { c in
            (c.atoms.map { cell.atomicNumbers[$0] },
             c.atoms.indices.map { rotate(cell.positions[c.atoms[$0]] + lattice.cartesian(fromFractional: SIMD3<Double>(c.images[$0]))) })
        }
        let single = spectators.filter { molecules.spectators.contains($0) }.map { ([cell.atomicNumbers[$0]], [rotate(cell.positions[$0])]) }
        return whole + single
    }

    /// The owner of a cation with centroid `r` (nearest ribbon centre line, `centres` on the
    /// lines, `direction` along them) and the in-frame translation that brings the cation next to it.
    static func owner(of r: Vec3, centres: [Vec3], direction: Vec3, u: Vec3, v: Vec3, w: Vec3,
                      name: String) throws -> (Int, Vec3) {
        var candidates: [(distance: Double, along: Double, owner: Int, across: Vec3, shift: Vec3)] = []
        for (index, centre) in centres.enumerated() {
            for i in -3...3 { for j in -3...3 { for k in -2...2 {
                let shift = u * Double(i) + v * Double(j) + w * Double(k)
                let d = r + shift - centre
                let along = (d * direction).sum()
                let across = d - direction * along
                candidates.append((SlabLayers.length(across), abs(along), index, across, shift))
            } } }
        }
        candidates.sort { ($0.distance, $0.along, $0.owner) < ($1.distance, $1.along, $1.owner) }
        let best = candidates[0]
        // The nearest other ribbon: another component, or another copy of this one (off the chain axis).
        if let rival = candidates.first(where: { $0.owner != best.owner || SlabLayers.length($0.across - best.across) > 1e-6 }),
           rival.distance - best.distance < ownershipMargin {
            throw RibbonUnits.Refusal(description: "\(name): a cation is \(round2(best.distance)) Å and \(round2(rival.distance)) Å "
                + "from two ribbon axes; no clear owner")
        }
        return (best.owner, best.shift)
    }

    private static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
