import Analysis
import Foundation

/// `compare` as text: predictions, sign agreement, rank correlations, the paper's computed values,
/// unmatched rows — each number with its verdict row and CSV line.
struct ComparisonText {
    let comparison: PairingComparison
    let database: String
    let measured: String

    func lines() -> [String] {
        predictions() + signs() + sizes() + ranks() + computed() + unmatched()
    }

    private var predictionsUsed: [PairingPrediction] {
        var seen: [PairingPrediction] = []
        for p in comparison.matches.flatMap(\.predictions) where !seen.contains(p) { seen.append(p) }
        return seen
    }

    func predictions() -> [String] {
        let rows = comparison.matches.count, matched = rows - comparison.unmatched.count
        var out = ["Measured rows: \(rows) in \(measured), \(matched) mapped to verdict rows of \(database)",
                   "", "Predictions (verdicts table):"]
        if predictionsUsed.isEmpty { out.append("  none: no measured row maps to a verdict") }
        for p in predictionsUsed {
            out.append("  \(p.label): \(Self.prediction(p))")
            if let glass = p.criticalSize { out.append("    critical size in the glass: \(glass.text)") }
            if let bare = p.criticalSizeBare { out.append("    critical size bare (not scored): \(bare.text)") }
        }
        out.append("  rule: \(PredictionSelection.rule)")
        for (p, kept) in comparison.selection.setAside {
            out.append("  set aside: verdict \(p.verdictID) (\(p.campaign): \(p.name)), verdict \(kept) stands for \(p.pairing)")
        }
        return out
    }

    static func prediction(_ p: PairingPrediction) -> String {
        guard let margin = p.marginKJ, let perUnit = p.marginPerFormulaUnit else { return "no margin (verdict incomplete)" }
        let says = perUnit > 0 ? "stabilises \(p.activePhase)" : "does not stabilise \(p.activePhase)"
        return "margin \(signed(margin)) kJ/mol / \(number(p.formulaUnits)) formula units = "
            + "\(signed(perUnit)) kJ/mol per formula unit → \(says)"
    }

    func signs() -> [String] {
        let c = comparison
        var out = ["", "Sign agreement (predicted margin > 0 vs observed stabilised): \(c.count(.agree)) agree, "
                   + "\(c.count(.disagree)) disagree, \(c.count(.notConclusive)) not conclusive (margin within the "
                   + "spread), \(c.count(.bulkNotConverged)) left out (bulk supercell series not converged), "
                   + "\(c.count(.noAnswer)) without an answer"]
        if comparison.signAgreements.isEmpty { out.append("  none: no measured row maps to a verdict") }
        for s in comparison.signAgreements {
            let predicted = s.prediction.stabilises.map { $0 ? "stabilises" : "does not stabilise" } ?? "no prediction"
            let margin = s.prediction.marginPerFormulaUnit.map { ", \(Self.signed($0)) kJ/mol per formula unit" } ?? ""
            let observed = s.observed.map { $0 ? "stabilised" : "not stabilised" } ?? "no single answer"
            let rows = s.evidence.map { "\($0.observation.location) \($0.observation.quantity) = \($0.observation.value)" }
            out.append("  \(s.prediction.label): predicted \(predicted) \(s.prediction.activePhase) "
                       + "(verdict \(s.prediction.verdictID)\(margin)); observed \(observed) "
                       + "(\(rows.isEmpty ? "no row with a sign reading" : rows.joined(separator: "; "))) → \(s.conclusion)")
        }
        return out
    }

    /// L* against the measured particle sizes (SizeAgreement's rule), when any size row maps to a verdict.
    func sizes() -> [String] {
        let c = comparison
        guard !c.sizeAgreements.isEmpty else { return [] }
        var out = ["", "Critical size (L* in the glass vs measured particle sizes): \(c.sizeCount(.agree)) agree, "
                   + "\(c.sizeCount(.disagree)) disagree, \(c.sizeCount(.notConclusive)) not conclusive, "
                   + "\(c.sizeCount(.bulkNotConverged)) left out (bulk supercell series not converged), "
                   + "\(c.sizeCount(.noAnswer)) without an answer"]
        for s in c.sizeAgreements {
            let rows = s.sizes.map { "\($0.location) \($0.quantity) = \($0.value) \($0.unit)" }
            out.append("  \(s.prediction.label): \(rows.joined(separator: "; ")) → \(s.conclusion)")
        }
        return out
    }

    func ranks() -> [String] {
        var out = ["", "Rank correlation (predicted margin per formula unit vs measured value, same quantity and conditions):"]
        if comparison.rankComparisons.isEmpty { out.append("  none: no numeric measured row maps to a verdict with a margin") }
        for r in comparison.rankComparisons {
            let rows = r.points.map { "\($0.prediction.pairing) (verdict \($0.prediction.verdictID)) × \($0.observation.location)" }
            out.append("  \(r.group.description): \(r.conclusion) — \(rows.joined(separator: ", "))")
        }
        return out
    }


    func computed() -> [String] {
        let rows = comparison.computedCounterparts
        guard !rows.isEmpty else { return [] }
        return ["", "The paper's computed values beside ours (not scored):"] + rows.map { row in
            let ours = row.ours.map { "\(Self.number(($0 * 10).rounded() / 10)) (verdict \(row.prediction.verdictID))" }
                ?? "no counterpart in verdict \(row.prediction.verdictID)"
            return "  \(row.observation.quantity): paper \(row.observation.value) \(row.observation.unit) "
                + "(\(row.observation.location), \(row.observation.kind)); ours \(ours)"
        }
    }

    func unmatched() -> [String] {
        let rows = comparison.unmatched
        guard !rows.isEmpty else { return [] }
        return ["", "Unmatched rows (no verdict has that pairing; see jobs/measured/README.md):"]
            + rows.map { "  \($0.location): pairing \"\($0.pairing)\", \($0.quantity)" }
    }

    static func signed(_ x: Double) -> String { String(format: "%+.2f", x) }
    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
