import Analysis
import Foundation
import XCTest

/// Mapping measured rows to verdicts, sign agreement and when a rank correlation is (not) claimed.
final class ComparisonPairingTests: XCTestCase {
    func observation(_ pairing: String, _ quantity: String, _ value: MeasuredValue, line: Int,
                     kind: ObservationKind = .measured) -> MeasuredObservation {
        MeasuredObservation(pairing: pairing, perovskite: "", glass: "", composition: 0.5, sinteringTemperatureC: 350,
                            quantity: quantity, value: value, unit: value.number == nil ? "qualitative" : "wt%",
                            kind: kind, source: "test", file: "m.csv", line: line)
    }

    func prediction(_ id: Int64, _ campaign: String, _ name: String, margin: Double?) -> PairingPrediction {
        PairingPrediction(verdictID: id, campaign: campaign, name: name, activePhase: "alpha", marginKJ: margin,
                          formulaUnits: 8)
    }

    func testMappingRule() {
        let seed = prediction(1, "cspbi3-agzif62", "frozen framework", margin: 40)
        XCTAssertTrue(PairingMatcher.matches("CsPbI3/agZIF-62", seed), "campaign key cspbi3agzif62")
        XCTAssertTrue(PairingMatcher.matches("cspbi3-agzif62:Frozen Framework", seed))
        XCTAssertTrue(PairingMatcher.matches("frozen framework", seed), "verdict name")
        XCTAssertFalse(PairingMatcher.matches("cspbi3-agzif62:relaxed", seed))
        XCTAssertFalse(PairingMatcher.matches("MAPbI3/agZIF-62", seed))
        let named = prediction(2, "screen", "MAPbI3/agZIF-62 frozen", margin: 1)
        XCTAssertTrue(PairingMatcher.matches("MAPbI3/agZIF-62", named), "a /-token of the verdict name")
        XCTAssertFalse(PairingMatcher.matches("", named))
    }

    func testSignAgreementPerVerdict() throws {
        let rows = [observation("CsPbI3/agZIF-62", "gamma_phase_retention", .qualitative("near_complete"), line: 2),
                    observation("CsPbI3/agZIF-62", "gamma_CsPbI3_wt_percent", .number(13.7), line: 4),
                    observation("CsPbI3/agZIF-62", "plqy_max", .number(81.3), line: 9),
                    observation("CsPbI3/agZIF-62", "bulk_delta_minus_alpha", .number(-18), line: 16,
                                kind: .computed(method: "xTB")),
                    observation("other/glass", "gamma_phase_retention", .qualitative("none"), line: 20)]
        let wins = prediction(1, "cspbi3-agzif62", "frozen framework", margin: 40)
        let loses = prediction(2, "cspbi3-agzif62", "relaxed", margin: -16)
        let c = PairingComparison(observations: rows, predictions: [wins, loses])
        XCTAssertEqual(c.unmatched.map(\.line), [20])
        XCTAssertEqual(c.signAgreements.count, 2)
        let first = c.signAgreements[0], second = c.signAgreements[1]
        XCTAssertEqual(first.evidence.map(\.observation.line), [2, 4], "plqy has no sign reading; computed rows are not scored")
        XCTAssertEqual(first.observed, true)
        XCTAssertEqual(first.prediction.marginPerFormulaUnit ?? .nan, 40.0 / 8, accuracy: 1e-12)
        XCTAssertEqual(first.agrees, true)
        XCTAssertEqual(second.agrees, false)
        XCTAssertEqual(second.conclusion, "disagree")
        XCTAssertEqual(c.computedCounterparts.map(\.observation.line), [16, 16])
    }

    func testConflictingObservationsGiveNoAnswer() {
        let rows = [observation("p", "gamma_phase_retention", .qualitative("near_complete"), line: 2),
                    observation("p", "gamma_phase_retention", .qualitative("delta_only"), line: 3)]
        let s = PairingComparison(observations: rows, predictions: [prediction(1, "p", "v", margin: 1)]).signAgreements[0]
        XCTAssertNil(s.observed)
        XCTAssertNil(s.agrees)
        XCTAssertEqual(s.conclusion, "the observations disagree with each other")
    }

    func testRankCorrelationNeedsThreePairings() throws {
        let two = PairingComparison(
            observations: [observation("a", "gamma_CsPbI3_wt_percent", .number(10), line: 2),
                           observation("b", "gamma_CsPbI3_wt_percent", .number(20), line: 3)],
            predictions: [prediction(1, "a", "v", margin: 8), prediction(2, "b", "v", margin: 16)])
        XCTAssertEqual(two.rankComparisons.count, 1)
        XCTAssertNil(two.rankComparisons[0].rho)
        XCTAssertEqual(two.rankComparisons[0].conclusion, "too few pairings to conclude (n = 2)")

        // Margins per formula unit 1, 2, 3, 4 (margins 8…32 over n = 8) against measured 5, 40, 30, 50:
        // measured ranks 1, 3, 2, 4; Σxy = 4, Σxx = Σyy = 5 about the mean rank 2.5, so ρ = 0.8.
        let measured: [Double] = [5, 40, 30, 50]
        let names = ["a", "b", "c", "d"]
        let four = PairingComparison(
            observations: zip(names, measured).enumerated().map { i, pair in
                observation(pair.0, "gamma_CsPbI3_wt_percent", .number(pair.1), line: i + 2)
            },
            predictions: names.enumerated().map { i, name in prediction(Int64(i + 1), name, "v", margin: Double(8 * (i + 1))) })
        let rank = try XCTUnwrap(four.rankComparisons.first)
        XCTAssertEqual(rank.points.count, 4)
        XCTAssertEqual(try XCTUnwrap(rank.rho), 0.8, accuracy: 1e-12)
        // Exact two-sided p: of the 24 orderings, |ρ| ≥ 0.8 (Σd² ≤ 2 or ≥ 18) for 1 + 3 + 3 + 1 = 8.
        XCTAssertEqual(try XCTUnwrap(rank.pValue), 8.0 / 24, accuracy: 1e-12)
        XCTAssertTrue(rank.conclusion.hasPrefix("Spearman ρ = 0.8 (n = 4, two-sided p = 0.333 (exact permutation))"),
                      rank.conclusion)
    }

    /// A `[screen]` of one perovskite against three glasses: every verdict is named after its own
    /// pairing, but they share a protocol and size, so one group ranks all three (n = 3).
    func testScreenPairingsRankTogetherAcrossTheMatrix() throws {
        let glasses = ["ZIF-4", "ZIF-8", "ZIF-62"]
        let predictions = glasses.enumerated().map { i, g in
            PairingPrediction(verdictID: Int64(i + 1), campaign: "screen", name: "CsPbBr3/\(g)", activePhase: "alpha",
                              marginKJ: Double(8 * (i + 1)), formulaUnits: 8, protocolName: "unrelaxed")
        }
        let rows = glasses.enumerated().map { i, g in
            observation("CsPbBr3/\(g)", "active_phase_wt_percent", .number([10, 30, 20][i]), line: i + 2)
        }
        let c = PairingComparison(observations: rows, predictions: predictions)
        XCTAssertEqual(c.rankComparisons.count, 1)
        let rank = try XCTUnwrap(c.rankComparisons.first)
        XCTAssertEqual(rank.points.map(\.prediction.pairing), ["CsPbBr3/ZIF-4", "CsPbBr3/ZIF-8", "CsPbBr3/ZIF-62"])
        // Ranks 1, 2, 3 against 1, 3, 2: Σd² = 2, ρ = 1 − 6·2/(3·8) = 0.5. The six orderings give
        // Σd² = 0, 2, 2, 6, 6, 8, so ρ = ±1 or ±0.5: every one has |ρ| ≥ 0.5, p = 6/6.
        XCTAssertEqual(try XCTUnwrap(rank.rho), 0.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(rank.pValue), 1, accuracy: 1e-12)
        XCTAssertTrue(rank.group.description.hasSuffix("protocol unrelaxed"), rank.group.description)
    }

    /// The same pairing stored by two campaigns counts once: the latest complete verdict.
    func testDuplicatePairingsKeepTheLatestCompleteVerdict() throws {
        let early = Date(timeIntervalSince1970: 1_000), late = Date(timeIntervalSince1970: 2_000)
        let old = PairingPrediction(verdictID: 1, campaign: "one", name: "CsPbBr3/ZIF-4", activePhase: "alpha",
                                    marginKJ: 8, formulaUnits: 8, protocolName: "unrelaxed", computedAt: early)
        let newer = PairingPrediction(verdictID: 2, campaign: "two", name: "CsPbBr3/ZIF-4", activePhase: "alpha",
                                      marginKJ: 16, formulaUnits: 8, protocolName: "unrelaxed", computedAt: late)
        let incomplete = PairingPrediction(verdictID: 3, campaign: "three", name: "CsPbBr3/ZIF-4", activePhase: "alpha",
                                           marginKJ: nil, formulaUnits: 8, protocolName: "unrelaxed",
                                           computedAt: Date(timeIntervalSince1970: 3_000))
        let larger = PairingPrediction(verdictID: 5, campaign: "one", name: "CsPbBr3/ZIF-8 12fu", activePhase: "alpha",
                                       marginKJ: 12, formulaUnits: 12, protocolName: "unrelaxed", computedAt: early)
        let other = PairingPrediction(verdictID: 4, campaign: "one", name: "CsPbBr3/ZIF-8", activePhase: "alpha",
                                      marginKJ: 4, formulaUnits: 8, protocolName: "unrelaxed", computedAt: early)
        let selection = PredictionSelection([old, newer, incomplete, other, larger])
        XCTAssertEqual(selection.kept.map(\.verdictID), [2, 5], "latest complete; the larger fragment of ZIF-8")
        XCTAssertEqual(selection.setAside.map(\.prediction.verdictID), [1, 3, 4])
        XCTAssertEqual(selection.setAside.map(\.keptID), [2, 2, 5])
        let rows = [observation("CsPbBr3/ZIF-4", "active_phase_wt_percent", .number(10), line: 2),
                    observation("CsPbBr3/ZIF-8", "active_phase_wt_percent", .number(5), line: 3)]
        let c = PairingComparison(observations: rows, predictions: [old, newer, incomplete, other])
        XCTAssertEqual(c.rankComparisons.first?.points.map(\.prediction.verdictID), [2, 4], "each pairing once")
        XCTAssertEqual(c.selection.setAside.map(\.prediction.verdictID), [1, 3])
    }

    /// α and γ verdicts of one pairing and protocol are different predictions: both kept, both scored.
    func testAlphaAndGammaVerdictsOfOnePairingAreBothKept() throws {
        let alpha = PairingPrediction(verdictID: 1, campaign: "m", name: "CsPbI3/ZIF-62", activePhase: "alpha",
                                      marginKJ: -8, formulaUnits: 8, protocolName: "unrelaxed", inactivePhase: "delta")
        let gamma = PairingPrediction(verdictID: 2, campaign: "m", name: "CsPbI3/ZIF-62", activePhase: "gamma",
                                      marginKJ: 16, formulaUnits: 8, protocolName: "unrelaxed", inactivePhase: "delta")
        XCTAssertEqual(PredictionSelection([alpha, gamma]).kept.map(\.verdictID), [1, 2])
        let c = PairingComparison(observations: [observation("CsPbI3/ZIF-62", "gamma_phase_retention",
                                                             .qualitative("near_complete"), line: 2)],
                                  predictions: [alpha, gamma])
        XCTAssertEqual(c.signAgreements.map(\.outcome), [.disagree, .agree], "α predicts no stabilisation, γ does")
        XCTAssertTrue(alpha.label.hasSuffix("alpha vs delta)"), alpha.label)
        XCTAssertTrue(gamma.label.hasSuffix("gamma vs delta)"), gamma.label)
    }

    /// A verdict whose bulk supercell series did not converge is flagged and left out of the counts
    /// (and of the rank correlations); one whose convergence was not checked is still scored.
    func testUnconvergedBulkIsLeftOutOfAgreementCounts() {
        let rows = ["p", "q", "r"].enumerated().map { k, pairing in
            observation(pairing, "gamma_phase_retention", .qualitative("near_complete"), line: k + 2)
        }
        let unconverged = PairingPrediction(verdictID: 1, campaign: "p", name: "v", activePhase: "alpha", marginKJ: -300,
                                            formulaUnits: 8, uncertaintyKJ: 10, bulkConverged: false)
        let converged = PairingPrediction(verdictID: 2, campaign: "q", name: "v", activePhase: "alpha", marginKJ: -300,
                                          formulaUnits: 8, uncertaintyKJ: 10, bulkConverged: true)
        let unchecked = PairingPrediction(verdictID: 3, campaign: "r", name: "v", activePhase: "alpha", marginKJ: 300,
                                          formulaUnits: 8, uncertaintyKJ: 10)
        let c = PairingComparison(observations: rows, predictions: [unconverged, converged, unchecked])
        XCTAssertEqual(c.signAgreements.map(\.outcome), [.bulkNotConverged, .disagree, .agree])
        XCTAssertNil(c.signAgreements[0].agrees)
        XCTAssertTrue(c.signAgreements[0].conclusion.contains("did not converge"), c.signAgreements[0].conclusion)
        XCTAssertEqual([c.count(.agree), c.count(.disagree), c.count(.bulkNotConverged)], [1, 1, 1])
    }

    /// A margin within the configuration spread is neither agree nor disagree.
    func testMarginWithinTheSpreadIsNotConclusive() {
        let row = observation("p", "gamma_phase_retention", .qualitative("near_complete"), line: 2)
        let unsure = PairingPrediction(verdictID: 1, campaign: "p", name: "v", activePhase: "alpha", marginKJ: -10,
                                       formulaUnits: 8, uncertaintyKJ: 25)
        let sure = PairingPrediction(verdictID: 2, campaign: "q", name: "v", activePhase: "alpha", marginKJ: -40,
                                     formulaUnits: 8, uncertaintyKJ: 25)
        let rows = [row, observation("q", "gamma_phase_retention", .qualitative("near_complete"), line: 3)]
        let c = PairingComparison(observations: rows, predictions: [unsure, sure])
        XCTAssertEqual(c.signAgreements.map(\.outcome), [.notConclusive, .disagree])
        XCTAssertNil(c.signAgreements[0].agrees)
        XCTAssertTrue(c.signAgreements[0].conclusion.hasPrefix("not conclusive"), c.signAgreements[0].conclusion)
        XCTAssertEqual([c.count(.agree), c.count(.disagree), c.count(.notConclusive)], [0, 1, 1])
    }

    func testDifferentConditionsAreNotRankedTogether() {
        var rows = ["a", "b", "c"].enumerated().map { i, name in
            observation(name, "gamma_CsPbI3_wt_percent", .number(Double(i)), line: i + 2)
        }
        rows[2].composition = 0.25
        let c = PairingComparison(observations: rows, predictions: ["a", "b", "c"].enumerated().map { i, name in
            prediction(Int64(i + 1), name, "v", margin: Double(i))
        })
        XCTAssertEqual(c.rankComparisons.map(\.points.count), [2, 1])
    }
}
