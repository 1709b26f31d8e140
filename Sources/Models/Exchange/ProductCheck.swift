import Structures

/// Checks a built product: the validator's limits, no pair closer than 0.75 × the covalent
/// radii, and a bond graph that is exactly the intended one (the framework's and the glass
/// fragment's own bonds, the new M–N and Zn–X bonds, nothing else; contacts of
/// alkali/alkaline-earth cations are not bonds here).
struct ProductCheck {
    let surface: PerovskiteSurface
    let glass: GlassFragment
    let frameworkAtoms: [Int]
    let sites: [PerovskiteSurface.Site]
    let ligands: [GlassLigand]
    let unit: GlassUnit

    func check(_ product: ExchangeProduct) throws {
        try ChemistryCheck.check(product.structure)
        let z = product.structure.atomicNumbers
        let relevant = { (b: BondGraph.Bond) in !BondRule.isIonicSpectator(z[b.i]) && !BondRule.isIonicSpectator(z[b.j]) }
        let actual = BondGraph(product.structure).bonds.filter(relevant)
        let wanted = intended(product).filter(relevant)
        guard actual != wanted else { return }
        let label = { (b: BondGraph.Bond) in "\(Element.symbol(z[b.i])!) \(b.i + 1)–\(Element.symbol(z[b.j])!) \(b.j + 1)" }
        if let extra = actual.subtracting(wanted).sorted().first {
            throw ModelBuildError("\(product.name): unintended contact \(label(extra))")
        }
        throw ModelBuildError("\(product.name): missing bond \(label(wanted.subtracting(actual).sorted().first!))")
    }

    func intended(_ product: ExchangeProduct) -> Set<BondGraph.Bond> {
        var bonds = Set<BondGraph.Bond>()
        let inFramework = Dictionary(uniqueKeysWithValues: frameworkAtoms.enumerated().map { ($1, $0) })
        for b in BondGraph(surface.structure).bonds {
            if let i = inFramework[b.i], let j = inFramework[b.j] { bonds.insert(.init(i, j)) }
        }
        let glassBonds = BondGraph(glass.structure).bonds
        var next = product.transferred.lowerBound
        for (site, ligand) in zip(sites, ligands) {
            let map = Dictionary(uniqueKeysWithValues: ligand.atoms.enumerated().map { ($1, next + $0) })
            bonds.formUnion(remapped(glassBonds, map))
            bonds.insert(.init(inFramework[site.b]!, map[ligand.boundNitrogens[0]]!))
            next += ligand.atoms.count
        }
        let start = product.glassUnit.lowerBound
        let unitMap = Dictionary(uniqueKeysWithValues: unit.kept.enumerated().map { ($1, start + $0) })
        bonds.formUnion(remapped(glassBonds, unitMap))
        for (zn, x) in unit.zincHalideBonds { bonds.insert(.init(start + zn, start + x)) }
        return bonds
    }

    func remapped(_ bonds: Set<BondGraph.Bond>, _ map: [Int: Int]) -> [BondGraph.Bond] {
        bonds.compactMap { b in
            guard let i = map[b.i], let j = map[b.j] else { return nil }
            return BondGraph.Bond(i, j)
        }
    }
}
