import Foundation
import TOMLKit

/// Reads the `[[verdicts]]` tables and checks that they name reactions the spec defines.
struct VerdictReader {
    let context: SpecContext
    let reactions: [ReactionSpec]
    /// Declared structures, for the formula units of the fragments.
    let declared: [String: DeclaredStructure]
    private(set) var verdicts: [VerdictSpec] = []

    init(context: SpecContext, reactions: [ReactionSpec], declared: [String: DeclaredStructure] = [:]) {
        self.context = context
        self.reactions = reactions
        self.declared = declared
    }

    mutating func read(_ value: TOMLValueConvertible?) {
        guard let value else { return }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            let line = context.locator.header(.init("verdicts")) ?? context.locator.line(of: "verdicts", in: .root)
            context.report(line, "`verdicts` must be an array of tables: write each as [[verdicts]]")
            return
        }
        for (k, element) in array.enumerated() {
            let ref = SpecLocator.TableRef("verdicts", index: k)
            readVerdict(TableReader(element.table!, ref: ref, title: "[[verdicts]]", context: context))
        }
    }

    private mutating func readVerdict(_ t: TableReader) {
        t.checkKeys(SpecKeys.verdict)
        let name = required(t, "name")
        let active = pattern(t, "active")
        let inactive = pattern(t, "inactive")
        let bulk = required(t, "bulk")
        if let bulk, let reaction = reactions.first(where: { $0.name == bulk }), reaction.normalization == nil {
            context.report(t.line("bulk"), "bulk reaction \"\(bulk)\" needs `normalize` (energy per formula unit)")
        } else if let bulk, !reactions.contains(where: { $0.name == bulk }) {
            context.report(t.line("bulk"), "`bulk` names no reaction of this spec: \"\(bulk)\"")
        }
        let units = MethodReader.checked(t, "formula_units", t.number("formula_units"), "must be positive") { $0 > 0 }
        if !t.has("formula_units") { context.report(t.line, "[[verdicts]] needs `formula_units` (n of the fragments)") }
        let kelvin = t.has("temperature")
            ? MethodReader.checked(t, "temperature", t.number("temperature"), "must be positive") { $0 > 0 } : 300
        if let name, let first = verdicts.first(where: { $0.name == name }) {
            // The store keeps one verdict per campaign and name: a second would silently replace the first.
            context.report(t.line("name"), "duplicate verdict name \"\(name)\" (first defined at line \(first.line)); "
                + "give each [[verdicts]] its own name (e.g. one per active phase)")
            return
        }
        guard let name, let active, let inactive, let bulk, let units, let kelvin else { return }
        for pattern in [active, inactive] { checkUnits(t, name: name, pattern: pattern, units: units) }
        verdicts.append(VerdictSpec(
            name: name, activePhase: t.string("active_phase") ?? "active", inactivePhase: t.string("inactive_phase") ?? "inactive",
            activeReactions: active, inactiveReactions: inactive, bulkReaction: bulk, formulaUnits: units,
            temperature: kelvin, reference: reference(t), line: t.line, bulkConverged: t.bool("bulk_converged"),
            nanocrystals: nanocrystals(t)))
    }

    /// `formula_units` must be the n of the fragment each matched reaction consumes: the sum of
    /// coefficient × formula_units over its reactants that declare formula_units.
    private func checkUnits(_ t: TableReader, name: String, pattern: String, units: Double) {
        for reaction in reactions where ReactionPattern.matches(pattern, reaction.name) {
            let counted = reaction.reactants.compactMap { r in
                declared[r.name]?.formulaUnits.map { (r.name, r.coefficient * Double($0)) }
            }
            guard !counted.isEmpty else { continue }
            let n = counted.reduce(0) { $0 + $1.1 }
            guard abs(n - units) > 1e-9 else { continue }
            let parts = counted.map { "\($0.0): \(Self.number($0.1))" }.joined(separator: ", ")
            context.report(t.line("formula_units"), "[[verdicts]] \"\(name)\": formula_units = \(Self.number(units)), "
                + "but reaction \"\(reaction.name)\" consumes \(Self.number(n)) formula units (\(parts)); "
                + "n must be the fragment's formula units")
            return
        }
    }

    private static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// `reference = { bulk = -18, active = -1224, inactive = -1033, source = "…" }`, optional.
    private func reference(_ t: TableReader) -> VerdictSpec.Reference? {
        guard let r = t.subtable("reference", title: "`reference`") else { return nil }
        r.checkKeys(["bulk", "active", "inactive", "source"])
        return VerdictSpec.Reference(bulkPerUnit: r.number("bulk"), active: r.number("active"),
                                     inactive: r.number("inactive"), source: r.string("source"))
    }

    /// `nanocrystals = { active = "alpha_nc_*", inactive = "delta_nc_*", coverage = 1 }`, optional:
    /// structure-name patterns that must each match a declared structure; coverage in (0, 1].
    private func nanocrystals(_ t: TableReader) -> VerdictSpec.Nanocrystals? {
        guard let n = t.subtable("nanocrystals", title: "`nanocrystals`") else { return nil }
        n.checkKeys(["active", "inactive", "coverage", "face_active", "face_inactive"])
        let patterns = ["active", "inactive"].map { key -> String? in
            guard let text = n.string(key), !text.isEmpty else {
                context.report(n.line, "`nanocrystals` needs `\(key)` (a pattern of structure names)")
                return nil
            }
            guard declared.keys.contains(where: { ReactionPattern.matches(text, $0) }) else {
                context.report(n.line(key), "`nanocrystals.\(key)` pattern \"\(text)\" matches no structure of this spec")
                return nil
            }
            return text
        }
        let coverage = n.has("coverage")
            ? MethodReader.checked(n, "coverage", n.number("coverage"), "must be in (0, 1] (exchanges per surface B site)") {
                $0 > 0 && $0 <= 1 } : 1
        guard let active = patterns[0], let inactive = patterns[1], let coverage else { return nil }
        let faces = facePatterns(n)
        return VerdictSpec.Nanocrystals(active: active, inactive: inactive, coverage: coverage,
                                        faceActive: faces?.active ?? nil, faceInactive: faces?.inactive ?? nil)
    }

    /// `face_active` and `face_inactive`: each optional, a pattern matching a reaction; a phase
    /// without one has no face exchanges (the share they give is then unknown, and says why).
    private func facePatterns(_ n: TableReader) -> (active: String?, inactive: String?)? {
        let keys = ["face_active", "face_inactive"]
        guard keys.contains(where: n.has) else { return nil }
        let patterns = keys.map { key -> String? in
            guard n.has(key) else { return nil }
            guard let text = n.string(key), !text.isEmpty else {
                context.report(n.line(key), "`nanocrystals.\(key)` must be a pattern of reaction names")
                return nil
            }
            return matchingReaction(text, n, key, label: "nanocrystals.\(key)")
        }
        return (patterns[0], patterns[1])
    }

    private func required(_ t: TableReader, _ key: String) -> String? {
        guard t.has(key) else {
            context.report(t.line, "[[verdicts]] needs `\(key)`")
            return nil
        }
        return MethodReader.checked(t, key, t.string(key), "must not be empty") { !$0.isEmpty }
    }

    /// A reaction-name pattern that matches at least one reaction.
    private func pattern(_ t: TableReader, _ key: String) -> String? {
        guard let text = required(t, key) else { return nil }
        return matchingReaction(text, t, key, label: key)
    }

    /// `text` when it matches at least one reaction name; otherwise reported at `key`'s line.
    private func matchingReaction(_ text: String, _ t: TableReader, _ key: String, label: String) -> String? {
        guard reactions.contains(where: { ReactionPattern.matches(text, $0.name) }) else {
            context.report(t.line(key), "`\(label)` pattern \"\(text)\" matches no reaction of this spec")
            return nil
        }
        return text
    }
}

/// Glob patterns over reaction names (fnmatch: * ? [..]).
public enum ReactionPattern {
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
