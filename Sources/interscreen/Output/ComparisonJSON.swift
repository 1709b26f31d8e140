import Analysis
import Foundation

/// `compare --json`: the comparison as one JSON object, each entry naming its verdict row and CSV line.
enum ComparisonJSON {
    static func object(_ c: PairingComparison, database: String) -> [String: Any] {
        [
            "database": database,
            "observations": c.matches.map { m in
                ["location": m.observation.location, "pairing": m.observation.pairing,
                 "quantity": m.observation.quantity, "value": value(m.observation.value), "unit": m.observation.unit,
                 "kind": m.observation.kind.description, "verdict_ids": m.predictions.map(\.verdictID)] as [String: Any]
            },
            "sign_agreement": c.signAgreements.map { s in
                ["verdict_id": s.prediction.verdictID, "campaign": s.prediction.campaign, "verdict": s.prediction.name,
                 "margin_kj_per_formula_unit": optional(s.prediction.marginPerFormulaUnit),
                 "predicted_stabilises": optional(s.prediction.stabilises), "active_phase": s.prediction.activePhase,
                 "inactive_phase": s.prediction.inactivePhase, "bulk_converged": optional(s.prediction.bulkConverged), "observed_stabilised": optional(s.observed),
                 "agrees": optional(s.agrees), "outcome": s.outcome.rawValue, "conclusion": s.conclusion,
                 "pairing": s.prediction.pairing, "protocol": s.prediction.protocolName,
                 "evidence": s.evidence.map(\.observation.location)] as [String: Any]
            },
            "critical_size": c.sizeAgreements.map { s in
                ["verdict_id": s.prediction.verdictID, "pairing": s.prediction.pairing,
                 "active_phase": s.prediction.activePhase, "inactive_phase": s.prediction.inactivePhase,
                 "critical_size": band(s.prediction.criticalSize), "critical_size_bare": band(s.prediction.criticalSizeBare),
                 "measured_sizes": s.sizes.map(\.location), "measured_span_nm": MeasuredSize.span(s.sizes).map { [$0.low, $0.high] } ?? NSNull(),
                 "predicted_kept": optional(s.predictedKept), "observed_kept": optional(s.observed),
                 "evidence": s.evidence.map(\.observation.location), "outcome": s.outcome.rawValue,
                 "conclusion": s.conclusion] as [String: Any]
            },
            "critical_size_outcomes": Dictionary(uniqueKeysWithValues: SignAgreement.Outcome.allCases.map { ($0.rawValue, c.sizeCount($0)) }),
            "rank_correlations": c.rankComparisons.map { r in
                ["quantity": r.group.quantity, "unit": r.group.unit, "composition": optional(r.group.composition),
                 "sintering_temperature_C": optional(r.group.sinteringTemperatureC), "protocol": r.group.protocolName,
                 "n": r.points.count, "rho": optional(r.rho), "p_value": optional(r.pValue), "conclusion": r.conclusion,
                 "points": r.points.map { ["verdict_id": $0.prediction.verdictID, "pairing": $0.prediction.pairing, "location": $0.observation.location,
                                           "predicted": $0.predicted, "measured": $0.measured] as [String: Any] }]
                    as [String: Any]
            },
            "unmatched": c.unmatched.map(\.location),
            "selection_rule": PredictionSelection.rule,
            "set_aside": c.selection.setAside.map { ["verdict_id": $0.prediction.verdictID, "kept_verdict_id": $0.keptID] },
            "outcomes": Dictionary(uniqueKeysWithValues: SignAgreement.Outcome.allCases.map { ($0.rawValue, c.count($0)) }),
        ]
    }

    /// {nm_low, nm_high, sigma_nm, band_nm, outcome, unknown, reason, text}, or null when not formed.
    static func band(_ b: CriticalSizeBand?) -> Any {
        guard let b else { return NSNull() }
        return ["nm_low": optional(b.lowNm), "nm_high": optional(b.highNm), "sigma_nm": optional(b.sigmaNm),
                "band_nm": b.interval.map { [$0.low, $0.high] } ?? NSNull(), "outcome": b.outcome,
                "uncertainty_unknown": b.unknownTerms, "reason": optional(b.reason), "text": b.text] as [String: Any]
    }

    static func value(_ v: MeasuredValue) -> Any {
        switch v {
        case .number(let x): x
        case let .range(low, high): [low, high]
        case .qualitative(let word): word
        }
    }

    static func optional<T>(_ x: T?) -> Any { x.map { $0 as Any } ?? NSNull() }
}
