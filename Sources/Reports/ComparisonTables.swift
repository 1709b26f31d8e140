import Analysis

/// The comparison with measured rows as tables: sign agreement per verdict, rank correlations.
enum ComparisonTables {
    static func signs(_ c: PairingComparison, file: String) -> ReportTable {
        let rows = c.signAgreements.map { s -> [String] in
            let predicted = s.prediction.marginPerFormulaUnit.map {
                "\($0 > 0 ? "stabilises" : "does not stabilise") (\(Format.signed($0)) kJ/mol per f.u.)"
            } ?? "no margin"
            let observed = s.observed.map { $0 ? "stabilised" : "not stabilised" } ?? "no single answer"
            let evidence = s.evidence.map { "\($0.observation.location) \($0.observation.quantity) = \($0.observation.value)" }
            return ["\(s.prediction.pairing), verdicts row \(s.prediction.verdictID) (\(s.prediction.campaign): \(s.prediction.name), "
                        + "\(s.prediction.activePhase) vs \(s.prediction.inactivePhase))", predicted,
                    observed, evidence.joined(separator: "; "), s.conclusion]
        }
        return ReportTable(title: "Sign agreement", header: ["verdict", "predicted", "observed", "measured rows", "conclusion"],
                           rows: rows, caption: "Predicted: margin per formula unit > 0 (verdict row); a margin within "
                               + "the configuration spread is not conclusive, counted apart. Observed: the measured rows of "
                               + "\(file) with a sign reading (jobs/measured/README.md). \(c.count(.agree)) agree, "
                               + "\(c.count(.disagree)) disagree, \(c.count(.notConclusive)) not conclusive, "
                               + "\(c.count(.bulkNotConverged)) left out (bulk supercell series not converged). "
                               + "Predictions: \(PredictionSelection.rule).")
    }

    static func sizes(_ c: PairingComparison, file: String) -> ReportTable {
        let rows = c.sizeAgreements.map { s -> [String] in
            ["\(s.prediction.pairing), verdicts row \(s.prediction.verdictID) (\(s.prediction.activePhase) vs \(s.prediction.inactivePhase))",
             s.prediction.criticalSize?.text ?? "not formed", s.prediction.criticalSizeBare?.text ?? "not formed",
             s.sizes.map { "\($0.location) \($0.quantity) = \($0.value) nm" }.joined(separator: "; "), s.conclusion]
        }
        return ReportTable(title: "Critical size versus measured particle sizes",
                           header: ["verdict", "L* in the glass", "L* bare (not scored)", "measured sizes", "conclusion"],
                           rows: rows, caption: "Measured sizes of \(file) all below L* − σ predict the active phase kept "
                               + "(all above: lost), compared with the observed retention; sizes reaching into the band, an "
                               + "unknown uncertainty term or no L* are not conclusive, counted apart. \(c.sizeCount(.agree)) agree, "
                               + "\(c.sizeCount(.disagree)) disagree, \(c.sizeCount(.notConclusive)) not conclusive, "
                               + "\(c.sizeCount(.bulkNotConverged)) left out (bulk supercell series not converged).")
    }

    static func ranks(_ c: PairingComparison) -> ReportTable {
        let rows = c.rankComparisons.map { r in
            [r.group.description, String(r.points.count), r.conclusion,
             r.points.map { "\($0.prediction.pairing) (verdicts row \($0.prediction.verdictID)) × \($0.observation.location)" }
                .joined(separator: "; ")]
        }
        return ReportTable(title: "Rank correlation", header: ["quantity and conditions", "n", "result", "rows"],
                           rows: rows, caption: "Spearman ρ (average ranks for ties) between predicted margin per formula "
                               + "unit and the measured value, across the pairings that share a quantity and conditions; at least 3 "
                               + "pairings are needed; p is two-sided (exact permutation test up to n = \(RankTest.exactLimit)).")
    }
}
