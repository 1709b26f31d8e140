import Structures

/// One Zn of the crystal at one lattice image.
struct ZincNode: Hashable {
    var zinc: Int
    var image: SIMD3<Int>
}

/// One ligand of the crystal at one lattice image.
struct LigandNode: Hashable {
    var ligand: Int
    var image: SIMD3<Int>
}

/// Chooses n connected Zn around a seed: the set with the most internal Im bridges (rings
/// first), then the most compact; exhaustive up to six Zn, greedy beyond.
struct ZincSelection {
    let crystal: ZIFCrystal

    func position(_ node: ZincNode) -> Vec3 { crystal.zincs[node.zinc] + crystal.translation(node.image) }

    /// The ligands bound to a Zn node: (ligand node, which N).
    func ligands(of node: ZincNode) -> [(LigandNode, Int)] {
        crystal.links.filter { $0.zinc == node.zinc }.map { (LigandNode(ligand: $0.ligand, image: node.image &+ $0.shift), $0.nitrogen) }
    }

    /// The Zn nodes bound to a ligand node: (Zn node, which N).
    func zincs(of node: LigandNode) -> [(ZincNode, Int)] {
        crystal.links.filter { $0.ligand == node.ligand }.map { (ZincNode(zinc: $0.zinc, image: node.image &- $0.shift), $0.nitrogen) }
    }

    func neighbours(of node: ZincNode) -> [ZincNode] {
        ligands(of: node).flatMap { ligand, _ in zincs(of: ligand).map(\.0).filter { $0 != node } }
    }

    /// The seed: the Zn nearest the fractional point `centre` of the cell.
    func seed(near centre: Vec3) -> ZincNode {
        let target = crystal.lattice.cartesian(fromFractional: centre)
        let best = crystal.zincs.indices.min { SiteKey(crystal.zincs[$0], centre: target) < SiteKey(crystal.zincs[$1], centre: target) }!
        return ZincNode(zinc: best, image: .zero)
    }

    /// n connected Zn nodes containing `seed`, the seed first, then in order of addition.
    func choose(_ n: Int, seed: ZincNode) -> [ZincNode] {
        guard n > 1 else { return [seed] }
        if n <= 6 { return exhaustive(n, seed: seed) }
        var chosen = exhaustive(6, seed: seed)
        while chosen.count < n {
            let candidates = Set(chosen.flatMap(neighbours)).subtracting(chosen)
            chosen.append(candidates.min { score(chosen + [$0]).lexicographicallyPrecedes(score(chosen + [$1])) }!)
        }
        return chosen
    }

    /// Every connected set of size n containing the seed (grown one neighbour at a time),
    /// the best by `score`; members kept in order of growth.
    func exhaustive(_ n: Int, seed: ZincNode) -> [ZincNode] {
        var layer: [[ZincNode]] = [[seed]]
        for _ in 1..<n {
            var seen = Set<Set<ZincNode>>()
            var next: [[ZincNode]] = []
            for set in layer {
                for candidate in set.flatMap(neighbours) where !set.contains(candidate) {
                    let grown = set + [candidate]
                    if seen.insert(Set(grown)).inserted { next.append(grown) }
                }
            }
            layer = next
        }
        return layer.min { score($0).lexicographicallyPrecedes(score($1)) }!
    }

    /// Lower is better: (−bridges, Σ squared distance to the centroid in 1e-3 Å², then the
    /// sorted member keys relative to the seed).
    func score(_ set: [ZincNode]) -> [Int64] {
        let members = Set(set)
        let bridges = Set(set.flatMap { ligands(of: $0).map(\.0) }).filter { ligand in
            zincs(of: ligand).allSatisfy { members.contains($0.0) }
        }.count
        let points = set.map(position)
        let c = Geo3.centroid(points)
        let spread = points.reduce(0) { $0 + Geo3.dot($1 - c, $1 - c) }
        let origin = points[0]
        let keys = points.map { SiteKey($0, centre: origin) }.sorted().flatMap(\.values)
        return [Int64(-bridges), Int64((spread * 1e3).rounded())] + keys
    }
}
