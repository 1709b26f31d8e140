import Foundation
import Models
import Structures
import TOMLKit

/// Reads the `[[structures]]` tables: keys and overrides, file paths and globs, names; reads and
/// validates each file. Spec problems go to the context; a file that exists but cannot be
/// computed becomes an `InvalidStructure`.
struct StructureReader {
    let context: SpecContext
    let defaults: MethodChoice
    private(set) var entries: [StructureEntry] = []
    private(set) var invalid: [InvalidStructure] = []
    /// Every declared name (valid or not), for reactions.
    private(set) var declared: [String: DeclaredStructure] = [:]
    /// Declared names in order, for suggestions.
    private(set) var names: [String] = []

    init(context: SpecContext, defaults: MethodChoice) {
        self.context = context
        self.defaults = defaults
    }

    /// Reads the root `structures` value (an array of tables); `required` unless a pairing
    /// matrix supplies the structures.
    mutating func read(_ value: TOMLValueConvertible?, required: Bool = true) {
        guard let value, value.array?.isEmpty != true else {
            if required { context.report(1, "the spec names no structures: add a [[structures]] table (or a [screen])") }
            return
        }
        let line = context.locator.line(of: "structures", in: .root)
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            let found = context.locator.header(.init("structures")) ?? line
            context.report(found, "`structures` must be an array of tables: write each as [[structures]]")
            return
        }
        for (k, element) in array.enumerated() {
            let ref = SpecLocator.TableRef("structures", index: k)
            readEntry(TableReader(element.table!, ref: ref, title: "[[structures]]", context: context))
        }
    }

    private mutating func readEntry(_ t: TableReader) {
        t.checkKeys(SpecKeys.structure, elsewhere: SpecKeys.homes(excluding: SpecKeys.structure))
        let method = MethodReader.read(t, onto: defaults)
        let options = StructureOptions(t)
        let files = resolveFiles(t)
        for (name, file) in StructureNaming.names(t, files: files, options: options) {
            add(name: name, file: file, options: options, method: method, t)
        }
        if files.isEmpty, let name = options.name {
            // Declared anyway, so that reactions naming it do not add an "undefined" problem.
            declare(name, DeclaredStructure(line: t.line, formulaUnits: options.formulaUnits, structure: nil))
        }
    }

    private mutating func add(name: String, file: String, options: StructureOptions, method: MethodChoice,
                              _ t: TableReader) {
        let line = t.line
        let (structure, error, block, inputFlags) = StructureLoader.load(
            file, name: name, charge: options.charge, multiplicity: options.multiplicity, supercell: options.supercell,
            nanocrystal: options.nanocrystal, method: method)
        let units = block.map { formulaUnits(of: $0, given: options.formulaUnits, file: file, t) } ?? options.formulaUnits
        if let structure, error == nil {
            entries.append(StructureEntry(name: name, file: file, structure: structure, formulaUnits: units,
                                          method: method, line: line, nanocrystal: block, inputFlags: inputFlags))
        } else if let error {
            invalid.append(InvalidStructure(name: name, file: file, line: line, method: method, error: error))
        }
        declare(name, DeclaredStructure(line: line, formulaUnits: units, structure: structure))
    }

    /// A nanocrystal's formula units: the block's; a `formula_units` that differs is reported.
    private func formulaUnits(of block: Nanocrystal, given: Int?, file: String, _ t: TableReader) -> Int {
        if let given, given != block.formulaUnits {
            t.context.report(t.line("formula_units"), "`formula_units` = \(given) but the nanocrystal \(block.label) of "
                + "\((file as NSString).lastPathComponent) holds \(block.formulaUnits) formula units")
        }
        return block.formulaUnits
    }

    private mutating func declare(_ name: String, _ structure: DeclaredStructure) {
        if let first = declared[name] {
            context.report(structure.line, "duplicate structure name \"\(name)\" (first defined at line \(first.line))")
            return
        }
        declared[name] = structure
        names.append(name)
    }

    /// `files` (a path or glob, or an array of them) resolved and expanded; problems reported.
    private func resolveFiles(_ t: TableReader) -> [String] {
        guard t.has("files") else {
            t.context.report(t.line, "[[structures]] needs `files` (a path or glob relative to the spec)")
            return []
        }
        let patterns = t.read("files", expected: "a string or a non-empty array of strings", Self.patterns) ?? []
        return patterns.flatMap { resolve($0, t) }
    }

    /// A string, or an array of strings, as a list; nil for anything else.
    private static func patterns(_ value: TOMLValueConvertible) -> [String]? {
        if let path = value.string { return [path] }
        guard let array = value.array else { return nil }
        let strings: [String] = array.compactMap { $0.string }
        return !strings.isEmpty && strings.count == array.count ? strings : nil
    }

    private func resolve(_ pattern: String, _ t: TableReader) -> [String] {
        let path = context.resolve(pattern)
        if FilePatterns.isGlob(pattern) {
            let matches = FilePatterns.expand(pattern, in: context.baseDirectory)
            if matches.isEmpty {
                t.context.report(t.line("files"), "`files` pattern \"\(pattern)\" matches no structure file (looked for \(path))")
            }
            return matches
        }
        guard FileManager.default.fileExists(atPath: path) else {
            t.context.report(t.line("files"), "structure file \"\(pattern)\" does not exist (looked for \(path))")
            return []
        }
        return [path]
    }
}
