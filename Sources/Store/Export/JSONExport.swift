import Foundation
import Structures

/// Results as one JSON object: `{"calculations": [...], "failures": [...], "format": "interscreen-results-1",
/// "reactions": [...], "tasks": [...]}` (tasks and reactions as stored, snake_case keys).
///
/// Keys are sorted (stable output, diff-friendly); every key is always present, `null` when
/// unknown. Calculations carry the full gradient (Eh/Bohr) and charges; numbers are written in
/// their shortest round-trip form; timestamps are ISO 8601 UTC.
public enum JSONExport {
    /// Format tag written at the top level.
    public static let format = "interscreen-results-1"

    /// The document, pretty-printed, ending with a newline.
    public static func render(_ snapshot: ResultsSnapshot) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ExportText.timestamp(date))
        }
        let document = Document(calculations: snapshot.calculations.map(Calculation.init),
                                failures: snapshot.failures.map(Failure.init), tasks: snapshot.tasks,
                                reactions: snapshot.reactions)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var format = JSONExport.format
        var calculations: [Calculation]
        var failures: [Failure]
        var tasks: [TaskRecord]
        var reactions: [ReactionRecord]
    }

    struct Calculation: Encodable {
        var row: CalculationRow

        enum Key: String, CodingKey {
            case id, name, source_file, structure_hash, formula, natoms, charge, multiplicity, kind, method
            case settings_hash, settings, energy_hartree, energy_kj_mol, gradient_norm, gradient, charges
            case gap_ev, scc_iterations, scc_converged, wall_seconds, engine_version, interscreen_version
            case host, run_id, started_at, finished_at
        }

        func encode(to encoder: Encoder) throws {
            let c = row.calculation, s = row.structure
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(c.id, forKey: .id)
            try out.encode(s.name, forKey: .name)
            try out.encode(s.sourceFile, forKey: .source_file)
            try out.encode(s.hash, forKey: .structure_hash)
            try out.encode(s.formula, forKey: .formula)
            try out.encode(s.natoms, forKey: .natoms)
            try out.encode(s.charge, forKey: .charge)
            try out.encode(s.multiplicity, forKey: .multiplicity)
            try out.encode(c.kind.rawValue, forKey: .kind)
            try out.encode(c.method, forKey: .method)
            try out.encode(c.settingsHash, forKey: .settings_hash)
            try out.encode(try row.settings.settings(), forKey: .settings)
            try out.encode(c.energyHartree, forKey: .energy_hartree)
            try out.encode(c.energyHartree * Units.kJPerMolPerHartree, forKey: .energy_kj_mol)
            try out.encode(c.gradientNorm, forKey: .gradient_norm)
            try out.encode(c.gradient, forKey: .gradient)
            try out.encode(c.charges, forKey: .charges)
            try out.encode(c.gapEV, forKey: .gap_ev)
            try out.encode(c.sccIterations, forKey: .scc_iterations)
            try out.encode(c.sccConverged, forKey: .scc_converged)
            try out.encode(c.wallSeconds, forKey: .wall_seconds)
            try out.encode(c.engineVersion, forKey: .engine_version)
            try out.encode(c.interscreenVersion, forKey: .interscreen_version)
            try out.encode(c.host, forKey: .host)
            try out.encode(c.runID, forKey: .run_id)
            try out.encode(ExportText.timestamp(c.startedAt), forKey: .started_at)
            try out.encode(ExportText.timestamp(c.finishedAt), forKey: .finished_at)
        }
    }

    struct Failure: Encodable {
        var row: FailureRow

        enum Key: String, CodingKey {
            case id, source, structure_hash, settings_hash, name, formula, method
            case failure_class, message, host, run_id, at
        }

        func encode(to encoder: Encoder) throws {
            let f = row.failure
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(f.id, forKey: .id)
            try out.encode(f.source, forKey: .source)
            try out.encode(f.structureHash, forKey: .structure_hash)
            try out.encode(f.settingsHash, forKey: .settings_hash)
            try out.encode(row.structure?.name, forKey: .name)
            try out.encode(row.structure?.formula, forKey: .formula)
            try out.encode(row.settings?.method, forKey: .method)
            try out.encode(f.failureClass, forKey: .failure_class)
            try out.encode(f.message, forKey: .message)
            try out.encode(f.host, forKey: .host)
            try out.encode(f.runID, forKey: .run_id)
            try out.encode(ExportText.timestamp(f.at), forKey: .at)
        }
    }
}
