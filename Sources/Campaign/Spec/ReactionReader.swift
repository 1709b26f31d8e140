import Structures
import TOMLKit

/// Reads the `[[reactions]]` tables: names, both sides with their coefficients, normalisation,
/// and checks that each names defined structures and balances atoms and charge.
struct ReactionReader {
    typealias Side = [(name: String, coefficient: Double)]

    let context: SpecContext
    let structures: StructureReader
    private(set) var reactions: [ReactionSpec] = []
    private var lines: [String: Int] = [:]

    init(context: SpecContext, structures: StructureReader) {
        self.context = context
        self.structures = structures
    }

    /// Reads the root `reactions` value (optional; an array of tables).
    mutating func read(_ value: TOMLValueConvertible?) {
        guard let value else { return }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            let line = context.locator.header(.init("reactions")) ?? context.locator.line(of: "reactions", in: .root)
            context.report(line, "`reactions` must be an array of tables: write each as [[reactions]]")
            return
        }
        for (k, element) in array.enumerated() {
            let ref = SpecLocator.TableRef("reactions", index: k)
            readReaction(TableReader(element.table!, ref: ref, title: "[[reactions]]", context: context))
        }
    }

    private mutating func readReaction(_ t: TableReader) {
        t.checkKeys(SpecKeys.reaction, elsewhere: SpecKeys.homes(excluding: SpecKeys.reaction))
        let name = reactionName(t)
        let reactants = side(t, "reactants")
        let products = side(t, "products")
        let species = reactants.flatMap { r in products.map { r + $0 } }
        let normalization = NormalizationReader.read(t, species: species, structures: structures)
        if let reactants, let products {
            checkBalance(t, name ?? "", reactants, products)
            reactions.append(ReactionSpec(name: name ?? "", reactants: reactants, products: products,
                                          normalization: normalization, line: t.line))
        }
    }

    private mutating func reactionName(_ t: TableReader) -> String? {
        guard t.has("name") else {
            context.report(t.line, "[[reactions]] needs `name`")
            return nil
        }
        guard let name = MethodReader.checked(t, "name", t.string("name"), "must not be empty", { !$0.isEmpty })
        else { return nil }
        if let first = lines[name] {
            context.report(t.line("name"), "duplicate reaction name \"\(name)\" (first defined at line \(first))")
        } else {
            lines[name] = t.line
        }
        return name
    }

    /// One side (`reactants` or `products`): structure name = coefficient > 0, every name defined.
    /// Nil when the side is missing or any entry is wrong.
    private func side(_ t: TableReader, _ key: String) -> Side? {
        guard t.has(key) else {
            context.report(t.line, "[[reactions]] needs `\(key)` (a table of structure name = coefficient)")
            return nil
        }
        guard let s = t.subtable(key, title: "`\(key)`") else { return nil }
        guard !s.table.keys.isEmpty else {
            context.report(t.line(key), "`\(key)` is empty: name at least one structure")
            return nil
        }
        let entries = s.table.keys.map { name in (name, coefficient(s, name), isDefined(s, name)) }
        guard entries.allSatisfy({ $0.1 != nil && $0.2 }) else { return nil }
        return entries.map { (name: $0.0, coefficient: $0.1!) }
    }

    private func coefficient(_ s: TableReader, _ name: String) -> Double? {
        MethodReader.checked(s, name, s.number(name), "(a stoichiometric coefficient) must be positive") {
            $0 > 0 && $0.isFinite
        }
    }

    private func isDefined(_ s: TableReader, _ name: String) -> Bool {
        guard structures.declared[name] == nil else { return true }
        let hint = KeySuggestion.hint(for: name, among: structures.names)
        context.report(s.line(name), "\(s.title) names \"\(name)\", which is not a structure of this spec\(hint)")
        return false
    }

    /// Atom and charge balance, when every species' file could be read.
    private func checkBalance(_ t: TableReader, _ name: String, _ reactants: Side, _ products: Side) {
        let lookup = { (name: String) in self.structures.declared[name]?.structure }
        for message in ReactionBalance.problems(reactants: reactants, products: products, structure: lookup) {
            context.report(t.line, "reaction \"\(name)\": \(message)")
        }
    }
}
