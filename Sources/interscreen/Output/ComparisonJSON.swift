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
                 "predicted_stabilises": optional(s.prediction.stabilises), "observed_stabilised": optional(s.observed),
                 "agrees": optional(s.agrees), "outcome": s.outcome.rawValue, "conclusion": s.conclusion,
                 "pairing": s.prediction.pairing, "protocol": s.prediction.protocolName,
                 "evidence": s.evidence.map(\.observation.location)] as [String: Any]
            },
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

    static func value(_ v: MeasuredValue) -> Any {
        switch v {
        case .number(let x): x
        case .qualitative(let word): word
        }
    }

    static func optional<T>(_ x: T?) -> Any { x.map { $0 as Any } ?? NSNull() }
}
