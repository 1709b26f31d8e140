import Structures

/// Finds the exchanged ligand in an interface product from its geometry alone: the organic
/// molecule (C, N, H atoms joined by bonds) with a nitrogen bound to a B-site metal (Pb, Sn, Ge),
/// and the halides bound to zinc (moved from the perovskite to the glass).
enum ExchangedLigand {
    static let bSites: Set<Int> = [82, 50, 32]
    static let organic: Set<Int> = [1, 6, 7]
    static let halides: Set<Int> = [9, 17, 35, 53]

    static func atoms(in s: Structure) -> Set<Int> {
        let z = s.atomicNumbers
        let bonds = StructureDrawing(structure: s, highlighted: []).bonds()
        var neighbours = [[Int]](repeating: [], count: z.count)
        for (i, j) in bonds { neighbours[i].append(j); neighbours[j].append(i) }
        let anchors = z.indices.filter { i in z[i] == 7 && neighbours[i].contains { bSites.contains(z[$0]) } }
        var marked = Set<Int>()
        var queue = anchors
        while let i = queue.popLast() {
            guard marked.insert(i).inserted else { continue }
            queue += neighbours[i].filter { organic.contains(z[$0]) && !marked.contains($0) }
        }
        for i in z.indices where halides.contains(z[i]) && neighbours[i].contains(where: { z[$0] == 30 }) {
            marked.insert(i)
        }
        return marked
    }
}
