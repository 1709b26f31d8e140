import Engine
import Foundation
import Models
import Structures
import TOMLKit

/// Reads `[screen]`, `[[perovskites]]` and `[[glasses]]`; nil when the spec has no `[screen]`.
struct ScreenReader {
    let context: SpecContext

    func read(_ root: TableReader) -> ScreenSpec? {
        let hasParts = root.has("perovskites") || root.has("glasses")
        guard root.has("screen") else {
            if hasParts { context.report(1, "[[perovskites]] and [[glasses]] need a [screen] table (k, sites, protocol)") }
            return nil
        }
        guard let t = root.subtable("screen", title: "[screen]") else { return nil }
        let options = readOptions(t)
        let perovskiteTables = tables(root, "perovskites"), glassTables = tables(root, "glasses")
        if perovskiteTables.isEmpty { context.report(t.line, "[screen] needs at least one [[perovskites]] table") }
        if glassTables.isEmpty { context.report(t.line, "[screen] needs at least one [[glasses]] table") }
        let perovskites = perovskiteTables.compactMap(readPerovskite)
        let glasses = glassTables.compactMap(readGlass)
        checkUnique(perovskites.map { ($0.name, $0.line) } + glasses.map { ($0.name, $0.line) })
        return ScreenSpec(options: options, perovskites: perovskites, glasses: glasses, line: t.line)
    }

    private func readOptions(_ t: TableReader) -> ScreenSpec.Options {
        t.checkKeys(SpecKeys.screen)
        var o = ScreenSpec.Options()
        if let ks = t.read("k", expected: "an array of integers ≥ 1", Self.positiveIntegers) { o.exchangeCounts = ks }
        if let n = MethodReader.checked(t, "sites", t.integer("sites"), "must be ≥ 1", { $0 >= 1 }) { o.sites = n }
        if let n = MethodReader.checked(t, "orientations", t.integer("orientations"), "must be ≥ 1", { $0 >= 1 }) {
            o.orientations = n
        }
        if let n = MethodReader.checked(t, "max_products", t.integer("max_products"), "must be ≥ 1", { $0 >= 1 }) {
            o.maxProducts = n
        }
        if let text = MethodReader.oneOf(t, "protocol", ScreenProtocol.allCases.map(\.rawValue)) {
            o.treatment = ScreenProtocol(rawValue: text)!
        }
        if let kelvin = MethodReader.checked(t, "temperature", t.number("temperature"), "must be positive", { $0 > 0 }) {
            o.temperature = kelvin
        }
        if t.has("coverage"), let theta = MethodReader.checked(t, "coverage", t.number("coverage"),
                                                                "must be in (0, 1] (exchanges per surface B site)",
                                                                { $0 > 0 && $0 <= 1 }) {
            o.coverage = theta
        }
        if t.has("nanocrystal_gfn") {
            o.nanocrystalMethods = t.read("nanocrystal_gfn", expected: "an array of distinct methods 2 and/or 1 (GFN2-xTB, GFN1-xTB)",
                                          Self.nanocrystalMethods) ?? []
        }
        return o
    }

    private func readPerovskite(_ t: TableReader) -> ScreenSpec.Perovskite? {
        t.checkKeys(SpecKeys.perovskite)
        let name = required(t, "name")
        let units = t.read("units", expected: "an integer ≥ 2 or an array of distinct integers ≥ 2", Self.fragmentSizes)
        if !t.has("units") { context.report(t.line, "[[perovskites]] needs `units` (formula units of each fragment)") }
        var surface = MillerIndex(0, 0, 1)
        if let text = t.string("surface") {
            if let parsed = MillerIndex(text) { surface = parsed } else {
                context.report(t.line("surface"), "`surface` \"\(text)\" is not a Miller index such as \"001\"")
            }
        }
        let active = phase(t, "active"), inactive = phase(t, "inactive")
        let converged = t.bool("bulk_converged")
        let more = alsoActive(t)
        guard let name, let units, let active, let inactive, let more else { return nil }
        let names = ([active] + more).map(\.name)
        if Set(names + [inactive.name]).count != names.count + 1 {
            context.report(t.line("also_active"), "[[perovskites]] \"\(name)\": phase names must differ (\(names.joined(separator: ", ")) against \(inactive.name))")
            return nil
        }
        let phases = [active] + more + [inactive]
        let without = phases.filter(\.nanocrystals.isEmpty).map(\.name)
        if !without.isEmpty, without.count < phases.count {
            context.report(t.line, "[[perovskites]] \"\(name)\": `nanocrystals` is given for "
                + phases.filter { !$0.nanocrystals.isEmpty }.map(\.name).joined(separator: ", ")
                + " but not for \(without.joined(separator: ", ")): L* compares every active phase with the inactive one, so each needs its blocks")
            return nil
        }
        return ScreenSpec.Perovskite(name: name, units: units, surface: surface, active: active, inactive: inactive,
                                     line: t.line, alsoActive: more, bulkConverged: converged)
    }

    /// `also_active = [{ phase = "gamma", cell = "…cif", bulk = "2x2x3" }, …]`: [] when absent, nil when bad.
    private func alsoActive(_ t: TableReader) -> [ScreenSpec.Phase]? {
        guard let value = t.table["also_active"] else { return [] }
        guard let array = value.array, !array.isEmpty, array.allSatisfy({ $0.table != nil }) else {
            context.report(t.line("also_active"), "`also_active` must be an array of { phase, cell, bulk } tables")
            return nil
        }
        let phases = array.map { element in
            phase(TableReader(element.table!, ref: SpecLocator.TableRef("\(t.ref.name).also_active", index: t.ref.index),
                              title: "`also_active`", context: context, inlineLine: t.line("also_active")))
        }
        return phases.contains { $0 == nil } ? nil : phases.compactMap { $0 }
    }

    /// `active = { phase = "alpha", cell = "…cif", bulk = "bcc-2" }`.
    private func phase(_ t: TableReader, _ key: String) -> ScreenSpec.Phase? {
        guard t.has(key) else {
            context.report(t.line, "[[perovskites]] needs `\(key)` = { phase, cell, bulk }")
            return nil
        }
        guard let p = t.subtable(key, title: "`\(key)`") else { return nil }
        return phase(p)
    }

    private func phase(_ p: TableReader) -> ScreenSpec.Phase? {
        p.checkKeys(["phase", "cell", "bulk", "bulk_converged", "nanocrystals", "nanocrystal_cell"])
        let name = required(p, "phase")
        let cell = required(p, "cell").flatMap { existingFile(p, "cell", $0) }
        let bulk = required(p, "bulk").flatMap { label -> SupercellMatrix? in
            guard let matrix = SupercellMatrix(parsing: label) else {
                context.report(p.line("bulk"), "`bulk` \"\(label)\" is not a supercell such as \"4x4x4\", \"fcc-2\" or \"2x4x1\"")
                return nil
            }
            return matrix
        }
        let blocks = p.has("nanocrystals")
            ? p.read("nanocrystals", expected: "an array of distinct blocks of cells such as [\"2x2x2\", \"2x2x3\"] ("
                     + NanocrystalRepeats.expected + ")", Self.nanocrystalRepeats) : []
        let blockCell = p.string("nanocrystal_cell").map { existingFile(p, "nanocrystal_cell", $0) }
        if blockCell != nil, blocks?.isEmpty == true {
            context.report(p.line("nanocrystal_cell"), "`nanocrystal_cell` needs `nanocrystals` (the blocks to cut from it)")
        }
        guard let name, let cell, let bulk, let blocks, blockCell != .some(nil) else { return nil }
        return ScreenSpec.Phase(name: name, cell: cell, bulkSupercell: bulk, bulkConverged: p.bool("bulk_converged"),
                                nanocrystals: blocks, nanocrystalCell: blockCell ?? nil)
    }

    private func readGlass(_ t: TableReader) -> ScreenSpec.Glass? {
        t.checkKeys(SpecKeys.glass)
        let name = required(t, "name")
        let crystal = existingFile(t, "crystal", t.string("crystal") ?? ToolData.zif4Crystal)
        let zinc = MethodReader.checked(t, "zn", t.integer("zn"), "must be ≥ 1", { $0 >= 1 }) ?? 1
        let bim = MethodReader.checked(t, "bim", t.integer("bim"), "must be ≥ 0", { $0 >= 0 }) ?? 0
        var cap = LigandCap.hIm
        if let text = MethodReader.oneOf(t, "cap", ["HIm", "MeIm"]) { cap = text == "MeIm" ? .meIm : .hIm }
        var ligand = GlassLigandVariant.imidazolate
        if let text = MethodReader.oneOf(t, "ligand", GlassLigandVariant.allCases.map(\.rawValue)) {
            ligand = GlassLigandVariant(name: text) ?? .imidazolate
        }
        if ligand != .imidazolate, bim > 0 {
            context.report(t.line("bim"), "`bim` applies to imidazolate glasses only (ligand = \"Im\")")
        }
        let ligands = t.has("ligands")
            ? t.read("ligands", expected: "an array of distinct ligand numbers ≥ 1", Self.distinctPositiveIntegers) : []
        guard let name, let crystal, let ligands else { return nil }
        let spec = GlassFragmentSpec(zinc: zinc, benzimidazolates: bim, ligand: ligand, cap: cap, name: name)
        return ScreenSpec.Glass(name: name, crystal: crystal, spec: spec, ligands: ligands, line: t.line)
    }

    private func tables(_ root: TableReader, _ key: String) -> [TableReader] {
        guard let value = root.table[key] else { return [] }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            context.report(context.locator.line(of: key, in: .root), "`\(key)` must be an array of tables: write each as [[\(key)]]")
            return []
        }
        return array.enumerated().map { k, element in
            TableReader(element.table!, ref: SpecLocator.TableRef(key, index: k), title: "[[\(key)]]", context: context)
        }
    }

    private func required(_ t: TableReader, _ key: String) -> String? {
        guard t.has(key) else {
            context.report(t.line, "\(t.title) needs `\(key)`")
            return nil
        }
        return MethodReader.checked(t, key, t.string(key), "must not be empty") { !$0.isEmpty }
    }

    private func existingFile(_ t: TableReader, _ key: String, _ path: String) -> String? {
        let resolved = context.resolve(path)
        guard FileManager.default.fileExists(atPath: resolved) else {
            let hint = t.has(key) ? "" : " (the default; set \(ToolData.environmentVariable) to the folder that holds clusters/)"
            context.report(t.has(key) ? t.line(key) : t.line,
                           "`\(key)` file \"\(path)\" does not exist (looked for \(resolved))\(hint)")
            return nil
        }
        return resolved
    }

    private func checkUnique(_ names: [(String, Int)]) {
        var seen: [String: Int] = [:]
        for (name, line) in names {
            if let first = seen[name] {
                context.report(line, "duplicate perovskite/glass name \"\(name)\" (first defined at line \(first))")
            } else {
                seen[name] = line
            }
        }
    }

    /// `units = 8` or `units = [8, 12]`: distinct fragment sizes, each ≥ 2.
    private static func fragmentSizes(_ value: TOMLValueConvertible) -> [Int]? {
        let sizes = value.int.map { [$0] } ?? positiveIntegers(value) ?? []
        return !sizes.isEmpty && sizes.allSatisfy({ $0 >= 2 }) && Set(sizes).count == sizes.count ? sizes : nil
    }

    /// `nanocrystals = ["2x2x2", "2x2x3"]`: distinct "AxBxC" blocks, at least one.
    private static func nanocrystalRepeats(_ value: TOMLValueConvertible) -> [SIMD3<Int>]? {
        guard let array = value.array, !array.isEmpty else { return nil }
        let blocks = array.compactMap { $0.string.flatMap(NanocrystalRepeats.parse) }
        return blocks.count == array.count && Set(blocks).count == blocks.count ? blocks : nil
    }

    /// `nanocrystal_gfn = [2, 1]`: distinct GFN2/GFN1, as integers or xtb's spellings.
    private static func nanocrystalMethods(_ value: TOMLValueConvertible) -> [Method]? {
        guard let array = value.array, !array.isEmpty else { return nil }
        let methods = array.compactMap { element -> Method? in
            let text = element.int.map(String.init) ?? element.string
            return text.flatMap(Method.init(gfnArgument:)).flatMap { [.gfn2, .gfn1].contains($0) ? $0 : nil }
        }
        return methods.count == array.count && Set(methods).count == methods.count ? methods : nil
    }

    private static func distinctPositiveIntegers(_ value: TOMLValueConvertible) -> [Int]? {
        positiveIntegers(value).flatMap { Set($0).count == $0.count ? $0 : nil }
    }

    private static func positiveIntegers(_ value: TOMLValueConvertible) -> [Int]? {
        guard let array = value.array else { return nil }
        let ints = array.compactMap { $0.int }
        return ints.count == array.count && !ints.isEmpty && ints.allSatisfy { $0 >= 1 } ? ints : nil
    }
}
