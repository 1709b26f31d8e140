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
        for (p, phases) in zip(screen.perovskites, fragments) {
            for (g, glass) in zip(screen.glasses, glasses) {
                pairing(out: &out, p, phases, g, glass)
            }
        }
        return out
    }

    // MARK: - Perovskites

    /// The two phases' fragments (nil where the cut failed) after adding them, their bulk cells
    /// and the bulk reaction.
    private func perovskite(out: inout Output, _ p: ScreenSpec.Perovskite) -> [PerovskiteFragment?] {
        var bulkUnits: [Int?] = []
        let fragments = [p.active, p.inactive].map { phase -> PerovskiteFragment? in
            let names = ScreenNames(perovskite: p.name, phase: phase.name, units: p.units)
            guard let cell = attempt(out: &out, names.fragment, phase.cell, p.line, { try StructureFile.read(path: phase.cell) })
            else { bulkUnits.append(nil); return nil }
            let bulk = attempt(out: &out, names.bulk, phase.cell, p.line) { () -> Structure in
                var s = try Supercell.build(cell, matrix: phase.bulkSupercell)
                s.name = names.bulk
                return s
            }
            if let bulk {
                let units = FormulaUnits.count(in: bulk)
                add(&out, names.bulk, phase.cell, bulk, units: units, recipe: .singlePoint, freeze: nil, line: p.line)
                bulkUnits.append(units)
            } else {
                bulkUnits.append(nil)
            }
            let fragment = attempt(out: &out, names.fragment, phase.cell, p.line) {
                try PerovskiteFragmentBuilder.build(cell: cell, spec: PerovskiteFragmentSpec(units: p.units, surface: p.surface,
                                                                                            name: names.fragment))
            }
            if let fragment {
                add(&out, names.fragment, phase.cell, fragment.structure, units: p.units, recipe: .singlePoint, freeze: nil,
                    line: p.line)
            }
            return fragment
        }
        if let active = bulkUnits[0], let inactive = bulkUnits[1] {
            out.reactions.append(bulkReaction(p, activeUnits: active, inactiveUnits: inactive))
        }
        return fragments
    }

    /// E(inactive) − E(active) per formula unit: a·active → b·inactive with a·n_active = b·n_inactive.
    private func bulkReaction(_ p: ScreenSpec.Perovskite, activeUnits: Int, inactiveUnits: Int) -> ReactionSpec {
        let common = FormulaUnitsLCM.lcm(activeUnits, inactiveUnits)
        let active = ScreenNames(perovskite: p.name, phase: p.active.name, units: p.units)
        let inactive = ScreenNames(perovskite: p.name, phase: p.inactive.name, units: p.units)
        return ReactionSpec(name: ScreenNames.bulkReaction(p),
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

    private func pairing(out: inout Output, _ p: ScreenSpec.Perovskite, _ phases: [PerovskiteFragment?],
                         _ g: ScreenSpec.Glass, _ glass: GlassFragment?) {
        let pairing = ScreenNames.pairing(p, g)
        var counts: [Int] = []
        var skipped: [String] = []
        for (phase, fragment) in zip([p.active, p.inactive], phases) {
            guard let fragment, let glass else { counts.append(0); continue }
            var made = 0
            for k in screen.options.exchangeCounts {
                let spec = ExchangeSpec(k: k, sites: screen.options.sites, orientations: screen.options.orientations)
                let result = attempt(out: &out, "\(pairing) \(phase.name) k\(k)", phase.cell, g.line) {
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
            counts.append(made)
        }
        out.pairings.append(PairingSummary(name: pairing, perovskite: p.name, glass: g.name,
                                           activeProducts: counts[0], inactiveProducts: counts[1], skipped: skipped))
        guard counts.allSatisfy({ $0 > 0 }) else { return }
        out.verdicts.append(VerdictSpec(
            name: pairing, activePhase: p.active.name, inactivePhase: p.inactive.name,
            activeReactions: ScreenNames.reactionPattern(pairing, phase: p.active.name),
            inactiveReactions: ScreenNames.reactionPattern(pairing, phase: p.inactive.name),
            bulkReaction: ScreenNames.bulkReaction(p), formulaUnits: Double(p.units),
            temperature: screen.options.temperature, line: screen.line))
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
                     recipe: TaskRecipe, freeze: String?, line: Int) {
        var method = defaults
        method.recipe = recipe
        method.freeze = freeze
        var s = structure
        s.name = name
        do {
            try StructureValidator.validate(s, file: file, allowedElements: StructureLoader.elements,
                                            methodName: method.settings.method.displayName)
            out.structures.append(StructureEntry(name: name, file: file, structure: s, formulaUnits: units,
                                                 method: method, line: line))
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
