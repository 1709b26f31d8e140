import Structures

/// Recognises the ligands of any Zn–imidazolate structure (e.g. one read from a file) from
/// its bond graph: the pieces left when metal–ligand bonds are cut, named by composition.
public enum GlassLigandFinder {
    public static func ligands(in s: Structure) -> [GlassLigand] {
        let graph = BondGraph(s)
        let z = s.atomicNumbers
        let isCentre = { (i: Int) in BondRule.isMetal(z[i]) && !BondRule.isIonicSpectator(z[i]) }
        let metalBonds = Set(graph.bonds.filter { isCentre($0.i) || isCentre($0.j) })
        return graph.components(excluding: metalBonds).compactMap { atoms -> GlassLigand? in
            guard !atoms.contains(where: isCentre) else { return nil }
            let formula = Structure(name: "", atomicNumbers: atoms.map { z[$0] }, positions: atoms.map { _ in .zero }).formula
            guard let kind = GlassLigand.Kind.allCases.first(where: { $0.formula == formula }) else { return nil }
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
