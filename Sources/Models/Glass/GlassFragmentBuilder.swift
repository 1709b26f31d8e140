import Structures

/// Cuts neutral ZIF-like Zn–imidazolate clusters from a crystal (ZIF-4 here): n connected
/// tetrahedral Zn with all their imidazolates (Im, or the mIm / dcIm variants), terminal ones
/// half capped (N–H or N–CH3), k of them benzannulated to bIm. Deterministic; crystal
/// geometry, not optimised.
public enum GlassFragmentBuilder {
    public static func build(crystal: Structure, spec: GlassFragmentSpec) throws -> GlassFragment {
        guard spec.zinc >= 1 else { throw ModelBuildError("--zn must be at least 1 (got \(spec.zinc))") }
        guard spec.benzimidazolates >= 0 else { throw ModelBuildError("--bim must not be negative") }
        guard spec.benzimidazolates == 0 || spec.ligand == .imidazolate else {
            throw ModelBuildError("--bim \(spec.benzimidazolates) with --ligand \(spec.ligand.rawValue): benzimidazolates are made from Im only")
        }
        let net = try ZIFCrystal(crystal)
        let selection = ZincSelection(crystal: net)
        let nodes = selection.choose(spec.zinc, seed: selection.seed(near: spec.centre))
        let plan = try LigandPlan(nodes: nodes, selection: selection, benzimidazolates: spec.benzimidazolates)
        var assembly = GlassAssembly(zincs: nodes.map(selection.position))
        for entry in plan.entries { assembly.add(entry, net: net, cap: spec.cap, variant: spec.ligand) }
        let structure = Structure(name: spec.name ?? spec.defaultName, atomicNumbers: assembly.numbers, positions: assembly.positions)
        let fragment = GlassFragment(structure: structure, ligands: assembly.ligands)
        try ChemistryCheck.check(structure)
        try assembly.checkBonds(structure)
        return fragment
    }
}
