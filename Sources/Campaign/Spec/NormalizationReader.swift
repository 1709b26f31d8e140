/// Reads a reaction's optional `normalize = { per = "CsPbI3", count = 8 }` or
/// `{ per = "CsPbI3", from = "alpha8" }` (count = formula_units of that structure × its
/// coefficient in the reaction).
enum NormalizationReader {
    /// `species`: both sides of the reaction, nil when a side could not be read (then `from` is
    /// not checked against it).
    static func read(_ t: TableReader, species: [(name: String, coefficient: Double)]?,
                     structures: StructureReader) -> Normalization? {
        guard t.has("normalize"), let n = t.subtable("normalize", title: "`normalize`") else { return nil }
        n.checkKeys(SpecKeys.normalization)
        let unit = MethodReader.checked(n, "per", n.string("per"), "must not be empty") { !$0.isEmpty }
        if !n.has("per") { n.context.report(n.line, "`normalize` needs `per` (the unit's name, e.g. \"CsPbI3\")") }
        let count: Double?
        switch (n.has("count"), n.has("from")) {
        case (true, true):
            n.context.report(n.line, "`normalize` takes `count` or `from`, not both")
            count = nil
        case (false, false):
            n.context.report(n.line, "`normalize` needs `count` (a number of units) or `from` (a structure "
                + "whose formula_units × its coefficient give the count)")
            count = nil
        case (true, false):
            count = MethodReader.checked(n, "count", n.number("count"), "must be positive") { $0 > 0 && $0.isFinite }
        case (false, true):
            count = countFrom(n, species: species, structures: structures)
        }
        guard let unit, let count else { return nil }
        return Normalization(unit: unit, count: count)
    }

    /// formula_units of the `from` structure × its coefficient in the reaction.
    private static func countFrom(_ n: TableReader, species: [(name: String, coefficient: Double)]?,
                                  structures: StructureReader) -> Double? {
        guard let name = n.string("from") else { return nil }
        guard let declared = structures.declared[name] else {
            let hint = KeySuggestion.hint(for: name, among: structures.names)
            n.context.report(n.line("from"), "`from` names \"\(name)\", which is not a structure of this spec\(hint)")
            return nil
        }
        guard let units = declared.formulaUnits else {
            n.context.report(n.line("from"), "`from` structure \"\(name)\" has no formula_units: "
                + "add formula_units to its [[structures]] table (line \(declared.line))")
            return nil
        }
        guard let species else { return nil }
        guard let coefficient = species.first(where: { $0.name == name })?.coefficient else {
            n.context.report(n.line("from"), "`from` structure \"\(name)\" is not a reactant or product of this reaction")
            return nil
        }
        return Double(units) * coefficient
    }
}
