import Foundation
import Structures
import TOMLKit

/// Reads a job spec (`jobs/*.toml`) and validates all of it before anything runs.
///
/// Every spec problem (TOML syntax, unknown keys with suggestions, wrong types or ranges, missing
/// files, globs matching nothing, duplicate names, undefined or unbalanced reactions, bad
/// normalisation) is collected and thrown as one `JobSpecError` listing each as `FILE:LINE:
/// message`. A structure file that exists but does not parse or fails validation is not a spec
/// problem: it is returned in `JobSpec.invalidStructures` and left out of `structures`.
public enum JobSpecParser {
    /// Reads and validates the spec at `path`.
    public static func parse(path: String) throws -> JobSpec {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the spec (not UTF-8 text, or no permission)"
                : "no such spec file"
            throw JobSpecError(problems: [.init(file: path, line: 0, message: reason)])
        }
        return try parse(text: text, path: path)
    }

    /// Validates spec `text`; `path` names it in messages and relative paths resolve against its folder.
    public static func parse(text: String, path: String) throws -> JobSpec {
        let root = try table(text, path: path)
        let context = SpecContext(file: path, text: text)
        let rootReader = TableReader(root, ref: .root, title: "the spec's top level", context: context)
        rootReader.checkKeys(SpecKeys.root, elsewhere: SpecKeys.homes(excluding: SpecKeys.root))
        let campaign = CampaignReader.read(rootReader)
        let defaults = defaultsChoice(rootReader)
        var structures = StructureReader(context: context, defaults: defaults)
        structures.read(root["structures"], required: !rootReader.has("screen") && !rootReader.has("surfaces"))
        var reactions = ReactionReader(context: context, structures: structures)
        reactions.read(root["reactions"])
        var verdicts = VerdictReader(context: context, reactions: reactions.reactions, declared: structures.declared)
        verdicts.read(root["verdicts"])
        let screen = ScreenReader(context: context).read(rootReader)
        var surfaces = SurfaceReader(context: context, defaults: defaults)
        surfaces.read(root["surfaces"])
        if let error = context.error { throw error }
        let matrix = screen.map { ScreenExpansion(screen: $0, defaults: defaults).expand() } ?? ScreenExpansion.Output()
        checkNames(matrix, against: structures, context: context)
        if let error = context.error { throw error }
        var spec = JobSpec(name: campaign!.name, database: context.resolve(campaign!.database),
                       sourceFile: SpecContext.absolute(path), sourceHash: SHA256.hex(of: text), defaults: defaults,
                       structures: structures.entries + matrix.structures, reactions: reactions.reactions + matrix.reactions,
                       invalidStructures: structures.invalid + matrix.invalid, verdicts: verdicts.verdicts + matrix.verdicts,
                       pairings: matrix.pairings)
        spec.structures += surfaces.entries
        spec.surfaces = surfaces.surfaces
        return spec
    }

    /// A matrix-built structure must not reuse a name of `[[structures]]`.
    static func checkNames(_ matrix: ScreenExpansion.Output, against structures: StructureReader, context: SpecContext) {
        for entry in matrix.structures where structures.declared[entry.name] != nil {
            context.report(entry.line, "the pairing matrix builds \"\(entry.name)\", a name [[structures]] already uses "
                + "(line \(structures.declared[entry.name]!.line))")
        }
    }

    /// The parsed TOML document; a syntax error becomes a one-problem `JobSpecError`.
    static func table(_ text: String, path: String) throws -> TOMLTable {
        if let bad = TOMLAssertGuard.firstProblem(text) {
            throw JobSpecError(problems: [.init(file: path, line: bad.line,
                                                message: "TOML syntax error (column \(bad.column)): \(bad.message)")])
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            throw JobSpecError(problems: [.init(file: path, line: at.line,
                                                message: "TOML syntax error (column \(at.column)): \(error.description)")])
        }
    }

    /// `[defaults]` read onto the built-in defaults (GFN2, acc 1, 300 K, 250 iterations, gas, normal, sp).
    static func defaultsChoice(_ root: TableReader) -> MethodChoice {
        guard let t = root.subtable("defaults", title: "[defaults]") else { return MethodChoice() }
        t.checkKeys(SpecKeys.method, elsewhere: SpecKeys.homes(excluding: SpecKeys.method))
        return MethodReader.read(t, onto: MethodChoice())
    }
}
