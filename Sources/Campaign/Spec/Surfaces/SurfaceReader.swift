import Engine
import Foundation
import Models
import Structures
import TOMLKit

/// Reads the `[[surfaces]]` tables: each becomes a `SurfaceSpec` and its planned single points
/// (`SurfaceStructures`), appended to the spec's structures as ordinary tasks.
struct SurfaceReader {
    let context: SpecContext
    let defaults: MethodChoice
    private(set) var surfaces: [SurfaceSpec] = []
    private(set) var entries: [StructureEntry] = []

    static let keys = ["name", "cell", "miller", "termination", "layers", "in_plane", "vacuum", "excess_cell",
                       "threshold", "max_atoms", "phase", "gfn", "accuracy", "etemp", "max_iterations", "engine"]

    init(context: SpecContext, defaults: MethodChoice) {
        self.context = context
        self.defaults = defaults
    }

    mutating func read(_ value: TOMLValueConvertible?) {
        guard let value else { return }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            context.report(context.locator.line(of: "surfaces", in: .root),
                           "`surfaces` must be an array of tables: write each as [[surfaces]]")
            return
        }
        var names: [String: Int] = [:]
        for (k, element) in array.enumerated() {
            let t = TableReader(element.table!, ref: SpecLocator.TableRef("surfaces", index: k), title: "[[surfaces]]",
                                context: context)
            guard let spec = readOne(t) else { continue }
            if let first = names[spec.name] {
                context.report(t.line("name"), "duplicate surface name \"\(spec.name)\" (first defined at line \(first))")
                continue
            }
            names[spec.name] = t.line
            expand(spec, t)
        }
    }

    /// The slab series' single points as structure entries; a slab that cannot be cut is a problem at the table.
    private mutating func expand(_ spec: SurfaceSpec, _ t: TableReader) {
        let items: [SurfaceStructures.Item]
        do { items = try SurfaceStructures.items(for: spec) } catch {
            context.report(t.line("termination"), "[[surfaces]] \"\(spec.name)\": cannot cut the slab series: \(error)")
            return
        }
        let method = MethodChoice(settings: spec.settings, recipe: .singlePoint, engine: spec.engine)
        surfaces.append(spec)
        for item in items {
            if let earlier = entries.first(where: { $0.name == item.name }) {
                // A shared excess series: the same task, unless the files or methods differ.
                if earlier.structure.contentHash != item.structure.contentHash || earlier.method != method {
                    context.report(t.line("excess_cell"), "[[surfaces]] \"\(spec.name)\": \(item.name) is also planned by the "
                        + "table at line \(earlier.line) with a different cell or method; give the excess files different names")
                }
                continue
            }
            let file = item.name.hasPrefix(spec.name + "/") ? spec.cellFile : spec.excessFile ?? spec.cellFile
            entries.append(StructureEntry(name: item.name, file: file, structure: item.structure,
                                          formulaUnits: nil, method: method, line: spec.line))
        }
    }

    private func readOne(_ t: TableReader) -> SurfaceSpec? {
        t.checkKeys(Self.keys)
        let name = required(t, "name")
        let cell = required(t, "cell").flatMap { readCell(t, "cell", $0) }
        let miller = required(t, "miller").flatMap { text -> String? in
            guard MillerIndex(text) != nil else {
                context.report(t.line("miller"), "`miller` \"\(text)\" is not a Miller index such as \"001\" or \"1,-1,0\"")
                return nil
            }
            return text
        }
        let termination = required(t, "termination").flatMap { text -> String? in
            guard text == RibbonSlabBuilder.termination || Composition(formula: text) != nil else {
                context.report(t.line("termination"), "`termination` \"\(text)\" is not a formula such as \"CsI\" or \"PbI2\", "
                    + "nor \"\(RibbonSlabBuilder.termination)\" (whole chains of δ-type cells)")
                return nil
            }
            return text
        }
        let layers = series(t, "layers", expected: "an array of distinct integers ≥ 1, e.g. [5, 7, 9]", SurfaceSeriesValues.layerList)
        let inPlane = series(t, "in_plane", expected: "an array of distinct repeats such as [\"2x2\", \"4x4\"]",
                             SurfaceSeriesValues.inPlaneList)
        let vacuums = t.has("vacuum") ? t.read("vacuum", expected: "a positive number of Å or an array of distinct ones",
                                               SurfaceSeriesValues.vacuumList) : [SlabSpec.defaultVacuum]
        let threshold = MethodReader.checked(t, "threshold", t.number("threshold"), "must be a positive J/m²") {
            $0 > 0 && $0.isFinite
        } ?? SurfaceStudy.defaultThreshold
        let maxAtoms = MethodReader.checked(t, "max_atoms", t.integer("max_atoms"), "must be at least 1") { $0 >= 1 } ?? 320
        let excess = t.string("excess_cell").flatMap { path in readCell(t, "excess_cell", path).map { ($0, path) } }
        let method = MethodReader.read(t, onto: defaults)
        let methodOK = checkPeriodic(t, method)
        guard let name, let cell, let miller, let termination, let layers, let inPlane, let vacuums, methodOK,
              t.string("excess_cell") == nil || excess != nil else { return nil }
        let phase = t.string("phase") ?? (cell.0 as NSString).lastPathComponent.split(separator: ".").first
            .flatMap { $0.split(separator: "-").last }.map(String.init) ?? name
        return SurfaceSpec(name: name, cellFile: cell.0, cell: cell.1, miller: miller, termination: termination,
                           settings: method.settings, engine: method.engine, layers: layers, inPlane: inPlane,
                           vacuums: vacuums, threshold: threshold, maxAtoms: maxAtoms,
                           excessFile: excess?.0.0, excessCell: excess?.0.1,
                           phase: phase, line: t.line)
    }

    /// Surfaces are periodic cells computed by tblite: GFN2 or GFN1, gas phase, not the libxtb engine.
    private func checkPeriodic(_ t: TableReader, _ method: MethodChoice) -> Bool {
        var ok = true
        if method.settings.method != .gfn2 && method.settings.method != .gfn1 {
            context.report(t.has("gfn") ? t.line("gfn") : t.line,
                           "[[surfaces]] needs `gfn` 2 or 1 (periodic cells are computed by tblite), not \(method.settings.method.rawValue)")
            ok = false
        }
        if method.engine == .xtb {
            context.report(t.has("engine") ? t.line("engine") : t.line,
                           "[[surfaces]] cannot use engine \"xtb\": libxtb refuses periodic GFN2/GFN1; use \"auto\" or \"tblite\"")
            ok = false
        }
        if method.settings.solvent != nil {
            context.report(t.line, "[[surfaces]] cannot take a solvent (from [defaults]): tblite computes periodic cells in the gas phase")
            ok = false
        }
        return ok
    }

    /// A required series key.
    private func series<T>(_ t: TableReader, _ key: String, expected: String,
                           _ convert: (TOMLValueConvertible) -> T?) -> T? {
        guard t.has(key) else {
            context.report(t.line, "[[surfaces]] needs `\(key)` (\(expected))")
            return nil
        }
        return t.read(key, expected: expected, convert)
    }

    private func required(_ t: TableReader, _ key: String) -> String? {
        guard t.has(key) else {
            context.report(t.line, "[[surfaces]] needs `\(key)`")
            return nil
        }
        return MethodReader.checked(t, key, t.string(key), "must not be empty") { !$0.isEmpty }
    }

    /// The resolved path and a cell periodic in three directions, or a problem at the key's line.
    private func readCell(_ t: TableReader, _ key: String, _ path: String) -> (String, Structure)? {
        let resolved = context.resolve(path)
        guard FileManager.default.fileExists(atPath: resolved) else {
            context.report(t.line(key), "`\(key)` file \"\(path)\" does not exist (looked for \(resolved))")
            return nil
        }
        do {
            let cell = try StructureFile.read(path: resolved)
            guard let lattice = cell.lattice, lattice.pbc.allSatisfy({ $0 }) else {
                context.report(t.line(key), "`\(key)` \"\(path)\" is not a bulk cell periodic in three directions")
                return nil
            }
            return (resolved, cell)
        } catch {
            context.report(t.line(key), "`\(key)` \"\(path)\" cannot be read: \(error)")
            return nil
        }
    }
}
