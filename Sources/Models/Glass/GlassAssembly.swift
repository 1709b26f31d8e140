import Structures

/// Collects the atoms of a glass fragment ligand by ligand, with the bonds it means to make.
struct GlassAssembly {
    private(set) var numbers: [Int] = []
    private(set) var positions: [Vec3] = []
    private(set) var ligands: [GlassLigand] = []
    private var intended = Set<BondGraph.Bond>()

    init(zincs: [Vec3]) {
        numbers = zincs.map { _ in 30 }
        positions = zincs
    }

    /// Appends one ligand: heavy atoms (ring, benzo C, substituent C/Cl, cap C), then H (N–H
    /// first, then the ring's remaining H, benzo H, substituent H, cap H).
    mutating func add(_ entry: LigandPlan.Entry, net: ZIFCrystal, cap: LigandCap, variant: GlassLigandVariant) {
        let ligand = net.ligands[entry.node.ligand]
        let shift = net.translation(entry.node.image)
        let p = ligand.positions.map { $0 + shift }
        let order = ligand.ring.ordered(boundNitrogen: entry.bindings[0].nitrogen)
        let (n1, c2, c5) = (p[order[0]], p[order[1]], p[order[4]])
        let normal = Geo3.unit(Geo3.cross(c2 - n1, c5 - n1))!
        let substituted = variant.substituents(ring: order.map { p[$0] }, normal: normal)
        var heavy: [(z: Int, position: Vec3)] = order[0..<5].map { (ligand.numbers[$0], p[$0]) }
        let ringH = entry.benzo ? [5] : [5, 6, 7]
        var hydrogens: [(z: Int, position: Vec3)] = ringH.enumerated().filter { !substituted.replaced.contains($0.offset) }
            .map { (1, p[order[$0.element]]) }
        if entry.benzo {
            let ring = Benzannulation.atoms(c4: p[order[3]], c5: p[order[4]], ringCentroid: Geo3.centroid(heavy.map(\.position)))
            heavy += ring.carbons.map { (6, $0) }
            hydrogens += ring.hydrogens.map { (1, $0) }
        }
        heavy += substituted.heavy
        hydrogens += substituted.hydrogens
        if entry.role == .capped {
            let capAtoms = cap.atoms(n: n1, a: c2, b: c5, normal: normal)
            if cap == .hIm { hydrogens.insert(capAtoms[0], at: 0) } else {
                heavy.append(capAtoms[0])
                hydrogens += capAtoms.dropFirst()
            }
        }
        var atoms = heavy + hydrogens
        if variant != .imidazolate && entry.role != .bridging {
            atoms = TerminalTorsion.cleared(atoms, zinc: positions[entry.bindings[0].zinc], nitrogen: p[order[2]],
                                            placed: zip(numbers, positions).map { (z: $0, position: $1) })
        }
        append(atoms, entry: entry, kind: Self.kind(entry, cap: cap, variant: variant))
    }

    private mutating func append(_ atoms: [(z: Int, position: Vec3)], entry: LigandPlan.Entry, kind: GlassLigand.Kind) {
        let start = numbers.count
        numbers += atoms.map(\.z)
        positions += atoms.map(\.position)
        let own = BondGraph(Structure(name: "", atomicNumbers: atoms.map(\.z), positions: atoms.map(\.position)))
        for b in own.bonds { intended.insert(BondGraph.Bond(b.i + start, b.j + start)) }
        let bound = entry.bindings.enumerated().map { k, _ in start + (k == 0 ? 2 : 0) }
        for (k, binding) in entry.bindings.enumerated() { intended.insert(BondGraph.Bond(binding.zinc, bound[k])) }
        ligands.append(GlassLigand(kind: kind, atoms: Array(start..<numbers.count),
                                   zincs: entry.bindings.map(\.zinc), boundNitrogens: bound))
    }

    static func kind(_ entry: LigandPlan.Entry, cap: LigandCap, variant: GlassLigandVariant) -> GlassLigand.Kind {
        let capped = entry.role == .capped
        switch (variant, capped, cap) {
        case (.methylImidazolate, false, _): return .twoMethylImidazolate
        case (.methylImidazolate, true, .hIm): return .twoMethylImidazole
        case (.methylImidazolate, true, .meIm): return .dimethylImidazole
        case (.dichloroImidazolate, false, _): return .dichloroImidazolate
        case (.dichloroImidazolate, true, .hIm): return .dichloroImidazole
        case (.dichloroImidazolate, true, .meIm): return .methylDichloroImidazole
        case (.imidazolate, _, _): return imidazolateKind(entry, cap: cap)
        }
    }

    static func imidazolateKind(_ entry: LigandPlan.Entry, cap: LigandCap) -> GlassLigand.Kind {
        switch (entry.role, entry.benzo, cap) {
        case (.capped, false, .hIm): .imidazole
        case (.capped, true, .hIm): .benzimidazole
        case (.capped, false, .meIm): .methylimidazole
        case (.capped, true, .meIm): .methylbenzimidazole
        case (_, false, _): .imidazolate
        case (_, true, _): .benzimidazolate
        }
    }

    /// Throws when the built structure's bond graph is not the intended one (a clash).
    func checkBonds(_ structure: Structure) throws {
        let actual = BondGraph(structure).bonds
        guard actual != intended else { return }
        let extra = actual.subtracting(intended).sorted().first
        let missing = intended.subtracting(actual).sorted().first
        let label = { (b: BondGraph.Bond) in
            "\(Element.symbol(numbers[b.i])!) \(b.i + 1)–\(Element.symbol(numbers[b.j])!) \(b.j + 1)"
        }
        let what = extra.map { "unintended contact \(label($0))" } ?? missing.map { "missing bond \(label($0))" } ?? ""
        throw ModelBuildError("\(structure.name): \(what) (a ligand clashes; try another --bim or a different seed)")
    }
}
