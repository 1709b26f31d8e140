import Structures

/// Recognises the ligands of any Zn–imidazolate structure (e.g. one read from a file) from
/// its bond graph: the pieces left when metal–ligand bonds are cut, named by composition (and
/// by an N–H where two kinds share one, HmIm and MeIm).
public enum GlassLigandFinder {
    public static func ligands(in s: Structure) -> [GlassLigand] {
        let graph = BondGraph(s)
        let z = s.atomicNumbers
        let isCentre = { (i: Int) in BondRule.isMetal(z[i]) && !BondRule.isIonicSpectator(z[i]) }
        let metalBonds = Set(graph.bonds.filter { isCentre($0.i) || isCentre($0.j) })
        return graph.components(excluding: metalBonds).compactMap { atoms -> GlassLigand? in
            guard !atoms.contains(where: isCentre) else { return nil }
            let formula = Structure(name: "", atomicNumbers: atoms.map { z[$0] }, positions: atoms.map { _ in .zero }).formula
            let hasNH = atoms.contains { z[$0] == 1 && graph.neighbours[$0].contains { z[$0] == 7 } }
            let kinds = GlassLigand.Kind.allCases.filter { $0.formula == formula }
            guard let kind = kinds.first(where: { kinds.count == 1 || $0.hasNitrogenHydrogen == hasNH }) else { return nil }
            var zincs: [Int] = []
            var nitrogens: [Int] = []
            for n in atoms where z[n] == 7 {
                for m in graph.neighbours[n] where isCentre(m) {
                    zincs.append(m)
                    nitrogens.append(n)
                }
            }
            return GlassLigand(kind: kind, atoms: atoms, zincs: zincs, boundNitrogens: nitrogens)
        }
    }
}
