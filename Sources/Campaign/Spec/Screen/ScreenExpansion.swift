import Models
import Structures

/// Turns a pairing matrix into structures, reactions and verdicts, as if each had been written
/// out by hand: per perovskite two bulk-cut fragments, two bulk supercells and the bulk reaction;
/// per glass one fragment; per pairing the exchange products of both phases, one reaction per
/// product and one verdict. A model that cannot be built becomes an invalid structure (a failed
/// task with the builder's reason); its pairing then has no verdict, and the others run.
struct ScreenExpansion {
    let screen: ScreenSpec
    let defaults: MethodChoice

    /// Everything the matrix adds to the spec.
    struct Output {
        var structures: [StructureEntry] = []
        var reactions: [ReactionSpec] = []
        var verdicts: [VerdictSpec] = []
        var invalid: [InvalidStructure] = []
        var pairings: [PairingSummary] = []
    }

    func expand() -> Output {
        var out = Output()
        let fragments = screen.perovskites.map { perovskite(out: &out, $0) }
        let glasses = screen.glasses.map { glass(out: &out, $0) }
        for (p, sized) in zip(screen.perovskites, fragments) {
            for (g, glass) in zip(screen.glasses, glasses) {
                pairing(out: &out, p, sized, g, glass)
            }
        }
        return out
    }

    // MARK: - Perovskites

    /// One fragment size of a perovskite: each active phase's bulk-cut fragment, then the inactive
    /// phase's (nil where the cut failed).
    struct SizedFragments {
        var units: Int
        var phases: [PerovskiteFragment?]
    }

    /// The fragments of every size after adding them, the bulk cells and one bulk reaction per active phase.
    private func perovskite(out: inout Output, _ p: ScreenSpec.Perovskite) -> [SizedFragments] {
        var bulkUnits: [Int?] = []
        var sized = p.units.map { SizedFragments(units: $0, phases: []) }
        for phase in p.actives + [p.inactive] {
            let names = ScreenNames(perovskite: p.name, phase: phase.name)
            let cell = attempt(out: &out, names.fragment(units: p.units[0]), phase.cell, p.line) {
                try StructureFile.read(path: phase.cell)
            }
            bulkUnits.append(cell.flatMap { bulk(out: &out, names, phase, $0, line: p.line) })
            if let blockCell = phase.nanocrystalCell {
                let read = attempt(out: &out, names.nanocrystalCell, blockCell, p.line) {
                    try StructureFile.read(path: blockCell)
                }
                if let read { nanocrystals(out: &out, names, phase, read, file: blockCell, line: p.line) }
            } else if let cell {
                nanocrystals(out: &out, names, phase, cell, file: phase.cell, line: p.line)
            }
            for i in sized.indices {
                sized[i].phases.append(cell.flatMap { fragment(out: &out, p, names, phase, $0, units: sized[i].units) })
            }
        }
        for (k, phase) in p.actives.enumerated() {
            guard let active = bulkUnits[k], let inactive = bulkUnits.last ?? nil else { continue }
            out.reactions.append(bulkReaction(p, phase, activeUnits: active, inactiveUnits: inactive))
        }
        return sized
    }

    /// Adds the bulk supercell of one phase; its formula units, or nil when it cannot be built.
    private func bulk(out: inout Output, _ names: ScreenNames, _ phase: ScreenSpec.Phase, _ cell: Structure,
                      line: Int) -> Int? {
        let bulk = attempt(out: &out, names.bulk, phase.cell, line) { () -> Structure in
            var s = try Supercell.build(cell, matrix: phase.bulkSupercell)
            s.name = names.bulk
            return s
        }
        guard let bulk else { return nil }
        let units = FormulaUnits.count(in: bulk)
        add(&out, names.bulk, phase.cell, bulk, units: units, recipe: .singlePoint, freeze: nil, line: line)
        return units
    }

    /// Adds one phase's molecular nanocrystal blocks (`nanocrystals`, cut from `cell`: the phase's
    /// `nanocrystal_cell` or its `cell`), each at every method of
    /// `nanocrystal_gfn` (the defaults' method when not given), single points; a block that cannot be
    /// cut is an invalid structure.
    private func nanocrystals(out: inout Output, _ names: ScreenNames, _ phase: ScreenSpec.Phase, _ cell: Structure,
                              file: String, line: Int) {
        let methods = screen.options.nanocrystalMethods.isEmpty ? [defaults.settings.method]
            : screen.options.nanocrystalMethods
        for repeats in phase.nanocrystals {
            let label = NanocrystalRepeats.label(repeats)
            let first = names.nanocrystal(label, method: methods[0].rawValue)
            guard let block = attempt(out: &out, first, file, line, {
                try NanocrystalBuilder.build(cell: cell, repeats: repeats)
            }) else { continue }
            for method in methods {
                var choice = defaults
                choice.settings.method = method
                add(&out, names.nanocrystal(label, method: method.rawValue), file, block.structure,
                    units: block.formulaUnits, recipe: .singlePoint, freeze: nil, line: line, method: choice,
                    nanocrystal: block)
            }
        }
    }

    /// Adds the bulk-cut fragment of one phase and size; nil when it cannot be cut.
    private func fragment(out: inout Output, _ p: ScreenSpec.Perovskite, _ names: ScreenNames, _ phase: ScreenSpec.Phase,
                          _ cell: Structure, units: Int) -> PerovskiteFragment? {
        let name = names.fragment(units: units)
        let fragment = attempt(out: &out, name, phase.cell, p.line) {
            try PerovskiteFragmentBuilder.build(cell: cell, spec: PerovskiteFragmentSpec(units: units, surface: p.surface,
                                                                                        name: name))
        }
        if let fragment {
            add(&out, name, phase.cell, fragment.structure, units: units, recipe: .singlePoint, freeze: nil, line: p.line)
        }
        return fragment
    }

    /// E(inactive) − E(active) per formula unit: a·active → b·inactive with a·n_active = b·n_inactive.
    private func bulkReaction(_ p: ScreenSpec.Perovskite, _ phase: ScreenSpec.Phase, activeUnits: Int,
                              inactiveUnits: Int) -> ReactionSpec {
        let common = FormulaUnitsLCM.lcm(activeUnits, inactiveUnits)
        let active = ScreenNames(perovskite: p.name, phase: phase.name)
        let inactive = ScreenNames(perovskite: p.name, phase: p.inactive.name)
        return ReactionSpec(name: ScreenNames.bulkReaction(p, active: phase),
                            reactants: [(active.bulk, Double(common / activeUnits))],
                            products: [(inactive.bulk, Double(common / inactiveUnits))],
                            normalization: Normalization(unit: p.name, count: Double(common)), line: p.line)
    }

    // MARK: - Glasses

    private func glass(out: inout Output, _ g: ScreenSpec.Glass) -> GlassFragment? {
        let fragment = attempt(out: &out, g.name, g.crystal, g.line) {
            try GlassFragmentBuilder.build(crystal: try StructureFile.read(path: g.crystal), spec: g.spec)
        }
        if let fragment {
            let recipe: TaskRecipe = screen.options.treatment == .frozenFramework ? .optimizeThenSinglePoint : .singlePoint
            add(&out, g.name, g.crystal, fragment.structure, units: nil, recipe: recipe, freeze: nil, line: g.line)
        }
        return fragment
    }

    // MARK: - Pairings

    /// Products and reactions of one pairing for every fragment size, and one verdict per size
    /// whose two phases both have products.
    private func pairing(out: inout Output, _ p: ScreenSpec.Perovskite, _ sized: [SizedFragments],
                         _ g: ScreenSpec.Glass, _ glass: GlassFragment?) {
        let pairing = ScreenNames.pairing(p, g)
        var summary = PairingSummary(name: pairing, perovskite: p.name, glass: g.name, activeProducts: 0,
                                     inactiveProducts: 0)
        for size in sized {
            let counts = zip(p.actives + [p.inactive], size.phases).map { phase, fragment in
                products(out: &out, pairing, phase, fragment, glass, g, skipped: &summary.skipped)
            }
            summary.activeProducts += counts.dropLast().reduce(0, +)
            summary.inactiveProducts += counts.last ?? 0
            let fragments = size.phases.map { $0?.structure.name ?? "" }
            for (k, active) in p.actives.enumerated() where counts[k] > 0 && (counts.last ?? 0) > 0 {
                // The first active phase's verdict keeps the pairing's name; a further one ("CsPbI3/ZIF-62 gamma")
                // names its phase, so both are stored and reported side by side.
                let named = k == 0 ? pairing : "\(pairing) \(active.name)"
                out.verdicts.append(VerdictSpec(
                    name: ScreenNames.verdict(named, units: size.units, sizes: sized.count),
                    activePhase: active.name, inactivePhase: p.inactive.name,
                    activeReactions: ScreenNames.reactionPattern(pairing, phase: active.name, fragment: fragments[k]),
                    inactiveReactions: ScreenNames.reactionPattern(pairing, phase: p.inactive.name,
                                                                   fragment: fragments.last ?? ""),
                    bulkReaction: ScreenNames.bulkReaction(p, active: active), formulaUnits: Double(size.units),
                    temperature: screen.options.temperature, line: screen.line,
                    protocolName: screen.options.treatment.rawValue, bulkConverged: p.bulkConverged(for: active),
                    nanocrystals: nanocrystalSpec(p, active: active)))
            }
        }
        out.pairings.append(summary)
    }

    /// The nanocrystal blocks L* of one active phase is formed from, when both phases have them.
    private func nanocrystalSpec(_ p: ScreenSpec.Perovskite, active: ScreenSpec.Phase) -> VerdictSpec.Nanocrystals? {
        guard !active.nanocrystals.isEmpty, !p.inactive.nanocrystals.isEmpty else { return nil }
        return VerdictSpec.Nanocrystals(active: ScreenNames(perovskite: p.name, phase: active.name).nanocrystalPattern,
                                        inactive: ScreenNames(perovskite: p.name, phase: p.inactive.name).nanocrystalPattern,
                                        coverage: screen.options.coverage)
    }

    /// Adds the exchange products of one phase fragment with the glass for every k; how many were made.
    private func products(out: inout Output, _ pairing: String, _ phase: ScreenSpec.Phase, _ fragment: PerovskiteFragment?,
                          _ glass: GlassFragment?, _ g: ScreenSpec.Glass, skipped: inout [String]) -> Int {
        guard let fragment, let glass else { return 0 }
        var made = 0
        for k in screen.options.exchangeCounts {
            let spec = ExchangeSpec(k: k, sites: screen.options.sites, ligands: g.ligands,
                                    orientations: screen.options.orientations, maxProducts: screen.options.maxProducts)
            let result = attempt(out: &out, "\(pairing) \(fragment.structure.name) k\(k)", phase.cell, g.line) {
                try ExchangeBuilder.enumerate(surface: PerovskiteSurface(fragment), glass: glass, spec: spec)
            }
            let products = result?.products ?? []
            skipped += (result?.skipped ?? []).map { "\($0.name): \($0.reason)" }
            for product in products {
                addProduct(&out, product, fragment: fragment.structure.name, glass: glass.structure.name,
                           reaction: ScreenNames.reaction(pairing, phase: phase.name, product: product.name),
                           file: phase.cell, line: g.line)
            }
            made += products.count
        }
        return made
    }

    private func addProduct(_ out: inout Output, _ product: ExchangeProduct, fragment: String, glass: String,
                            reaction: String, file: String, line: Int) {
        let frozen = screen.options.treatment == .frozenFramework
        add(&out, product.name, file, product.structure, units: nil,
            recipe: frozen ? .optimizeThenSinglePoint : .singlePoint,
            freeze: frozen ? "1-\(product.framework.upperBound)" : nil, line: line)
        out.reactions.append(ReactionSpec(name: reaction, reactants: [(fragment, 1), (glass, 1)],
                                          products: [(product.name, 1)], normalization: nil, line: line))
    }

    // MARK: - Pieces

    private func add(_ out: inout Output, _ name: String, _ file: String, _ structure: Structure, units: Int?,
                     recipe: TaskRecipe, freeze: String?, line: Int, method choice: MethodChoice? = nil,
                     nanocrystal: Nanocrystal? = nil) {
        var method = choice ?? defaults
        method.recipe = recipe
        method.freeze = freeze
        var s = structure
        s.name = name
        do {
            try StructureValidator.validate(s, file: file, allowedElements: StructureLoader.elements,
                                            methodName: method.settings.method.displayName)
            out.structures.append(StructureEntry(name: name, file: file, structure: s, formulaUnits: units,
                                                 method: method, line: line, nanocrystal: nanocrystal))
        } catch {
            let reason = error as? StructureError ?? StructureError(.unreadable, file: file, "\(error)")
            out.invalid.append(InvalidStructure(name: name, file: file, line: line, method: method, error: reason))
        }
    }

    /// `body`'s value, or nil with an invalid structure `name` recording why it failed.
    private func attempt<T>(out: inout Output, _ name: String, _ file: String, _ line: Int, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            let reason = error as? StructureError ?? StructureError(.unreadable, file: file, "cannot build \(name): \(error)")
            out.invalid.append(InvalidStructure(name: name, file: file, line: line, method: defaults, error: reason))
            return nil
        }
    }
}

/// Least common multiple of formula-unit counts.
enum FormulaUnitsLCM {
    static func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
