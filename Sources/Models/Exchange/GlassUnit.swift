import Structures

/// What stays of the glass fragment after the exchange: every atom but the moving ligands,
/// plus one halide per moving ligand on its Zn (along the old Zn–N axis), in a frame anchored
/// on the first ligand's Zn (first axis Zn→halide).
struct GlassUnit {
    /// Glass atom indices kept, in order; the halides follow them.
    let kept: [Int]
    let numbers: [Int]
    let local: [Vec3]
    /// Unit indices of the halides.
    let halides: [Int]
    /// (Zn unit index, halide unit index) per moving ligand.
    let zincHalideBonds: [(Int, Int)]

    init(glass: GlassFragment, moving: [GlassLigand], halide: Int, zincHalide: Double) {
        let g = glass.structure
        let gone = Set(moving.flatMap(\.atoms))
        let kept = g.atomicNumbers.indices.filter { !gone.contains($0) }
        self.kept = kept
        let lab = kept.map { g.positions[$0] } + moving.map { l in
            let (zn, n) = (g.positions[l.zincs[0]], g.positions[l.boundNitrogens[0]])
            return zn + zincHalide * Geo3.unit(n - zn)!
        }
        numbers = kept.map { g.atomicNumbers[$0] } + moving.map { _ in halide }
        let halides = Array(kept.count..<numbers.count)
        self.halides = halides
        zincHalideBonds = moving.enumerated().map { (kept.firstIndex(of: $1.zincs[0])!, kept.count + $0) }
        let anchor = g.positions[moving[0].zincs[0]]
        let axes = RigidRotation.frame(first: lab[halides[0]] - anchor, second: Geo3.centroid(lab) - anchor)
        local = lab.map { axes.transposed.apply($0 - anchor) }
    }

    /// The whole fragment, no bond made or broken (plain adsorption), anchored on `ligand`'s
    /// free N (first axis from its Zn to that N); the halide lists are empty.
    init(intact glass: GlassFragment, ligand: GlassLigand, freeNitrogen: Int) {
        let g = glass.structure
        kept = Array(g.atomicNumbers.indices)
        numbers = g.atomicNumbers
        halides = []
        zincHalideBonds = []
        let anchor = g.positions[freeNitrogen]
        let axes = RigidRotation.frame(first: anchor - g.positions[ligand.zincs[0]], second: Geo3.centroid(g.positions) - anchor)
        local = g.positions.map { axes.transposed.apply($0 - anchor) }
    }
}
