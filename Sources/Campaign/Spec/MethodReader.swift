import Foundation
import Engine
import Optimization

/// Reads the method keys (`gfn`, `accuracy`, `etemp`, `max_iterations`, `solvent`, `opt_level`,
/// `max_cycles`, `task`, `freeze`, `engine`) of `[defaults]` or of a structure's overrides onto a base choice, checking
/// each value's range.
enum MethodReader {
    /// Written as `solvent` or `freeze`, turns a default off in an override.
    static let off = "none"

    static func read(_ t: TableReader, onto base: MethodChoice) -> MethodChoice {
        var m = base
        if let method = gfn(t) { m.settings.method = method }
        if let accuracy = accuracy(t) { m.settings.accuracy = accuracy }
        if let etemp = etemp(t) { m.settings.electronicTemperature = etemp }
        if let iterations = maxIterations(t) { m.settings.maxIterations = iterations }
        if let solvent = nonEmpty(t, "solvent") { m.settings.solvent = solvent == off ? nil : solvent }
        if let level = optimizationLevel(t) { m.optimizationLevel = level }
        if let cycles = maxCycles(t) { m.maxCycles = cycles }
        if let recipe = recipe(t) { m.recipe = recipe }
        if let freeze = freeze(t) { m.freeze = freeze == off ? nil : freeze }
        if let engine = engine(t) { m.engine = engine }
        return m
    }

    /// `gfn = 2 | 1 | 0 | "ff"` (xtb's `--gfn` spellings also accepted as strings).
    static func gfn(_ t: TableReader) -> Method? {
        guard let value = t.table["gfn"] else { return nil }
        let text = value.int.map(String.init) ?? value.string
        if let text, let method = Method(gfnArgument: text) { return method }
        t.context.report(t.line("gfn"), "`gfn` must be 2, 1, 0 or \"ff\", not \(TableReader.describe(value))")
        return nil
    }

    static func accuracy(_ t: TableReader) -> Double? {
        checked(t, "accuracy", t.number("accuracy"), "must be between 0.0001 and 1000 (xtb's range)") {
            (1e-4...1e3).contains($0)
        }
    }

    static func etemp(_ t: TableReader) -> Double? {
        checked(t, "etemp", t.number("etemp"), "must be a positive temperature in K") { $0 > 0 && $0.isFinite }
    }

    static func maxIterations(_ t: TableReader) -> Int? {
        checked(t, "max_iterations", t.integer("max_iterations"), "must be at least 1") { $0 >= 1 }
    }

    /// `max_cycles`: the most optimisation cycles (xtb's `--cycles`); without it, xtb's default for the
    /// level and the structure's size.
    static func maxCycles(_ t: TableReader) -> Int? {
        checked(t, "max_cycles", t.integer("max_cycles"), "must be at least 1") { $0 >= 1 }
    }

    /// `opt_level`: one of xtb's levels, loosest first, spelt exactly as xtb does.
    static func optimizationLevel(_ t: TableReader) -> ConvergenceLevel? {
        oneOf(t, "opt_level", ConvergenceLevel.allCases.map(\.rawValue)).flatMap(ConvergenceLevel.init(rawValue:))
    }

    /// `engine = "auto" | "xtb" | "tblite"`.
    static func engine(_ t: TableReader) -> EngineChoice? {
        oneOf(t, "engine", EngineChoice.allCases.map(\.rawValue)).flatMap(EngineChoice.init(rawValue:))
    }

    static func recipe(_ t: TableReader) -> TaskRecipe? {
        oneOf(t, "task", TaskRecipe.allCases.map(\.rawValue)).flatMap(TaskRecipe.init(rawValue:))
    }

    /// A frozen-atom spec in the syntax of `opt --freeze` (checked with `FreezeSpec`), or "none".
    static func freeze(_ t: TableReader) -> String? {
        guard let text = nonEmpty(t, "freeze") else { return nil }
        guard text != off else { return text }
        do {
            _ = try FreezeSpec(parsing: text)
            return text
        } catch {
            t.context.report(t.line("freeze"), "`freeze` is not a valid frozen-atom spec: \(error)")
            return nil
        }
    }

    /// A string value that must be one of `allowed` (with a suggestion when misspelt).
    static func oneOf(_ t: TableReader, _ key: String, _ allowed: [String]) -> String? {
        guard let value = t.string(key) else { return nil }
        if allowed.contains(value) { return value }
        let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        let hint = KeySuggestion.closest(to: value, among: allowed).map { " Did you mean \"\($0)\"?" } ?? ""
        t.context.report(t.line(key), "`\(key)` must be one of \(list), not \"\(value)\".\(hint)")
        return nil
    }

    /// A string that must not be empty (write "none" to switch a default off).
    static func nonEmpty(_ t: TableReader, _ key: String) -> String? {
        checked(t, key, t.string(key), "must not be empty (write \"none\" to switch a default off)") {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// `value` when it passes `isValid`, else a problem "`key` <rule>, not <value>" and nil.
    static func checked<T>(_ t: TableReader, _ key: String, _ value: T?, _ rule: String,
                           _ isValid: (T) -> Bool) -> T? {
        guard let value else { return nil }
        if isValid(value) { return value }
        t.context.report(t.line(key), "`\(key)` \(rule), not \(String(reflecting: value))")
        return nil
    }
}
