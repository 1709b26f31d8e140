import Structures

/// The atoms of one imidazolate ring by role: two N, C2 between them, the backbone C next to
/// each N, and the H on each C (indices into the ligand's own atom list).
struct ImidazoleRing: Sendable, Equatable {
    var nitrogens: [Int]
    var c2: Int
    /// backbone[k]: the C bonded to nitrogens[k] (not C2).
    var backbone: [Int]
    var h2: Int
    /// backboneH[k]: the H on backbone[k].
    var backboneH: [Int]

    /// Reads the roles from the bare ring C3H3N2 (positions in Å); nil if it is not one.
    init?(atomicNumbers z: [Int], positions p: [Vec3]) {
        let graph = BondGraph(Structure(name: "", atomicNumbers: z, positions: p))
        let ns = z.indices.filter { z[$0] == 7 }
        guard z.count == 8, ns.count == 2 else { return nil }
        let carbonsOf = { (i: Int) in graph.neighbours[i].filter { z[$0] == 6 } }
        guard let c2 = carbonsOf(ns[0]).first(where: { carbonsOf(ns[1]).contains($0) }) else { return nil }
        let backbone = ns.map { n in carbonsOf(n).first { $0 != c2 } }
        let hOn = { (c: Int) in graph.neighbours[c].first { z[$0] == 1 } }
        guard let b0 = backbone[0], let b1 = backbone[1], let h2 = hOn(c2), let h0 = hOn(b0), let h1 = hOn(b1) else {
            return nil
        }
        (nitrogens, self.c2, self.backbone, self.h2, backboneH) = (ns, c2, [b0, b1], h2, [h0, h1])
    }

    /// Ligand atom indices in the output order N1, C2, N3, C4, C5, H2, H4, H5, where N3 is
    /// `nitrogens[bound]` (the N on the first Zn) and N1 the other.
    func ordered(boundNitrogen bound: Int) -> [Int] {
        let other = 1 - bound
        return [nitrogens[other], c2, nitrogens[bound], backbone[bound], backbone[other], h2, backboneH[bound], backboneH[other]]
    }
}
