import Foundation
import Store

/// One table per verdict, as `interscreen verdict` prints it: bulk preference, interface reaction
/// energies, ΔΔE against n × bulk preference, the verdict, beside the published values when given.
enum VerdictTables {
    static func section(_ data: ReportData) -> ReportSection {
        var section = ReportSection(title: "Verdicts")
        section.tables = data.verdicts.map {
            table($0, sizes: VerdictCriticalSizes(verdict: $0, surfaces: data.surfaces, slabThreshold: data.slabThreshold))
        }
        if data.verdicts.isEmpty { section.notes.append("No verdict rows in \(data.database).") }
        return section
    }

    static func table(_ v: VerdictRecord, sizes: VerdictCriticalSizes) -> ReportTable {
        let ref = v.reference.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let paper = { (key: String) in (ref?[key] as? Double).map { Format.kj($0) } ?? "" }
        let (a, i) = (v.activePhase, v.inactivePhase)
        var paperDDE = ""
        if let pa = ref?["active"] as? Double, let pi = ref?["inactive"] as? Double, let pb = ref?["bulkPerUnit"] as? Double {
            paperDDE = "\(Format.kj(pi - pa)) vs \(Format.kj(-pb * v.formulaUnits))"
        }
        let rows = [
            ["bulk E(\(i)) − E(\(a)), kJ/mol per formula unit", Format.kj(v.bulkKJPerUnit), paper("bulkPerUnit")],
            ["bulk supercells", v.bulkConvergenceText, ""],
            ["interface reaction energy, \(a) (lowest / Boltzmann), kJ/mol",
             "\(Format.kj(v.activeLowestKJ)) / \(Format.kj(v.activeBoltzmannKJ))", paper("active")],
            ["interface reaction energy, \(i) (lowest / Boltzmann), kJ/mol",
             "\(Format.kj(v.inactiveLowestKJ)) / \(Format.kj(v.inactiveBoltzmannKJ))", paper("inactive")],
            ["ΔΔE interface (\(i) − \(a)) vs n × bulk preference, kJ/mol",
             "\(Format.kj(v.ddEBoltzmannKJ)) vs \(Format.kj(v.bulkPreferenceKJ))", paperDDE],
            ["margin ± configuration spread, kJ/mol", v.spreadKnown
                ? "\(Format.kj(v.marginKJ)) ± \(Format.kj(v.uncertaintyKJ))"
                : "\(Format.kj(v.marginKJ)), spread unknown (a phase has one configuration)", ""],
            ["verdict", v.verdict, ""],
            ["critical size in the glass (\(a) vs \(i))", sizes.band("interface").text, ""],
            ["critical size bare", sizes.band("surface").text, ""],
        ] + SizeModelRows.rows(v).map { $0 + [""] }
        let source = (ref?["source"] as? String).map { "; paper: \($0)" } ?? ""
        let left = v.excluded.isEmpty ? "" : "; left out: " + v.excluded.joined(separator: "; ")
        return ReportTable(
            title: "\(v.campaign) — \(Self.heading(v)) "
                + "(n = \(Format.number(v.formulaUnits)), T = \(Format.number(v.temperature)) K; active phase \(a), inactive \(i))",
            header: ["quantity", "value", "paper"], rows: rows,
            caption: "verdicts row \(v.id ?? 0), from \(Self.roles(v))\(source)\(left).")
    }

    /// "protocol: frozen framework" for a hand-written verdict (named after its protocol);
    /// "CsPbBr3/ZIF-4, protocol: unrelaxed" for a screen verdict; the name alone when not recorded.
    static func heading(_ v: VerdictRecord) -> String {
        guard let p = v.protocolName else { return v.name }
        return p == v.name ? "protocol: \(p)" : "\(v.name), protocol: \(p)"
    }

    /// The reaction rows by role, as stored.
    static func roles(_ v: VerdictRecord) -> String {
        guard let r = v.roles else {
            return "\(RowIDs.text("reactions", v.reactionIDs)) (phase of each not recorded)"
        }
        let bulk = r.bulk.map { "bulk reactions row \($0); " } ?? ""
        return bulk + "\(v.activePhase): \(RowIDs.text("reactions", r.active)); "
            + "\(v.inactivePhase): \(RowIDs.text("reactions", r.inactive))"
    }
}
