import Foundation
import Structures

/// Results as one CSV table (RFC 4180: comma separated, CRLF line ends, fields quoted when they
/// hold a comma, quote or line break, quotes doubled).
///
/// One row per calculation (`status` = "ok"), then one per failure (`status` = "failed"), then one
/// per campaign task (`status` = its state, `name` = its key, the energy of its calculation) and
/// one per reaction (`status` = done/refused/blocked, the reaction energy); the `record` column
/// says which (calculation, failure, task/singlepoint, task/optimization, reaction), so a
/// spreadsheet user filters a single sheet. Columns, in order:
///
/// `status, name, source, structure_hash, formula, natoms, charge, multiplicity, method,
/// settings_hash, energy_hartree, energy_kj_mol, gradient_norm, gap_ev, scc_converged,
/// wall_seconds, engine_version, finished_at, failure_class, message, record, normalized_kj_mol`
///
/// For tasks and reactions `source` is the campaign; a reaction's `normalized_kj_mol` is its
/// energy per normalisation unit (the unit is in `message`).
///
/// Energies are in Eh and kJ/mol, the gradient norm in Eh/Bohr, the gap in eV; numbers are
/// written in their shortest round-trip form; `scc_converged` is "true"/"false"; `finished_at`
/// is ISO 8601 UTC (for a failure: when it was recorded). A failure row fills `name`, `formula`,
/// … `method` only when its structure or settings were stored, `failure_class` and `message`
/// always; a calculation row leaves those two empty. `source` is the file the structure came
/// from, or the failure's file path / task name.
public enum CSVExport {
    /// The column names, in order.
    public static let header = [
        "status", "name", "source", "structure_hash", "formula", "natoms", "charge", "multiplicity",
        "method", "settings_hash", "energy_hartree", "energy_kj_mol", "gradient_norm", "gap_ev",
        "scc_converged", "wall_seconds", "engine_version", "finished_at", "failure_class", "message",
        "record", "normalized_kj_mol",
    ]

    /// The whole table, header first.
    public static func render(_ snapshot: ResultsSnapshot) -> String {
        var lines = [header]
        for row in snapshot.calculations {
            let c = row.calculation, s = row.structure
            lines.append([
                "ok", s.name, s.sourceFile ?? "", s.hash, s.formula, "\(s.natoms)", "\(s.charge)",
                "\(s.multiplicity)", c.method, c.settingsHash, ExportText.number(c.energyHartree),
                ExportText.number(c.energyHartree * Units.kJPerMolPerHartree),
                ExportText.number(c.gradientNorm), c.gapEV.map(ExportText.number) ?? "",
                c.sccConverged ? "true" : "false", ExportText.number(c.wallSeconds), c.engineVersion,
                ExportText.timestamp(c.finishedAt), "", "", "calculation", "",
            ])
        }
        for row in snapshot.failures {
            let f = row.failure, s = row.structure
            lines.append([
                "failed", s?.name ?? "", f.source, f.structureHash ?? "", s?.formula ?? "",
                s.map { "\($0.natoms)" } ?? "", s.map { "\($0.charge)" } ?? "",
                s.map { "\($0.multiplicity)" } ?? "", row.settings?.method ?? "", f.settingsHash ?? "",
                "", "", "", "", "", "", "", ExportText.timestamp(f.at), f.failureClass, f.message, "failure", "",
            ])
        }
        let energies = snapshot.energyByCalculationID
        for t in snapshot.tasks {
            let eh = t.calculationID.flatMap { energies[$0] }
            lines.append([
                t.state.rawValue, t.key, t.campaign, t.outputHash ?? t.inputHash ?? "", "", "", "", "", "",
                t.settingsHash, eh.map(ExportText.number) ?? "",
                eh.map { ExportText.number($0 * Units.kJPerMolPerHartree) } ?? "", "", "", "",
                t.wallSeconds.map(ExportText.number) ?? "", "", t.finishedAt.map(ExportText.timestamp) ?? "",
                t.failureClass ?? "", t.message ?? "", "task/\(t.kind)", "",
            ])
        }
        for r in snapshot.reactions {
            lines.append([
                r.status.rawValue, r.name, r.campaign, "", "", "", "", "", "", "",
                r.energyHartree.map(ExportText.number) ?? "", r.energyKJMol.map(ExportText.number) ?? "",
                "", "", "", "", "", ExportText.timestamp(r.computedAt), "",
                r.message ?? r.normalizationUnit.map { "per \($0)" } ?? "", "reaction",
                r.normalizedKJMol.map(ExportText.number) ?? "",
            ])
        }
        return lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when needed.
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
