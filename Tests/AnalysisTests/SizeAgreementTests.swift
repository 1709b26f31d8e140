import Analysis
import Foundation
import XCTest

/// The critical-size scoring rule on bands and sizes worked out by hand, and L*'s band from
/// hand-propagated uncertainty terms.
final class SizeAgreementTests: XCTestCase {
    /// L* = 60 nm, active below it, σ = 5 nm: the band is [55, 65] nm.
    let below = CriticalSizeBand(outcome: "active below L*", lowNm: 60, highNm: 60, sigmaNm: 5, unknownTerms: [])

    func score(_ band: CriticalSizeBand?, _ low: Double, _ high: Double, observed: Bool? = true,
               bulk: Bool? = true) -> (SignAgreement.Outcome, Bool?) {
        let s = SizeAgreement.score(band: band, sizes: (low, high), observed: observed, bulkConverged: bulk)
        return (s.outcome, s.predictedKept)
    }

    /// 4–15 nm all below 55: predicted kept; observed kept → agree, observed lost → disagree.
    func testSizesBelowTheBandPredictTheActivePhaseKept() {
        XCTAssertTrue(score(below, 4, 15) == (.agree, true))
        XCTAssertTrue(score(below, 4, 15, observed: false) == (.disagree, true))
        XCTAssertTrue(score(below, 4, 54.9) == (.agree, true), "54.9 < 55")
    }

    /// 100–200 nm all above 65: predicted lost; observed kept → disagree.
    func testSizesAboveTheBandPredictItLost() {
        XCTAssertTrue(score(below, 100, 200) == (.disagree, false))
        XCTAssertTrue(score(below, 100, 200, observed: false) == (.agree, false))
    }

    /// Sizes reaching into [55, 65], or straddling it, claim nothing: not conclusive.
    func testSizesInOrAcrossTheBandAreNotConclusive() {
        XCTAssertTrue(score(below, 50, 56) == (.notConclusive, nil), "56 > 55")
        XCTAssertTrue(score(below, 64, 80) == (.notConclusive, nil), "64 < 65")
        XCTAssertTrue(score(below, 10, 100) == (.notConclusive, nil), "straddles the band")
        XCTAssertTrue(score(below, 60, 60) == (.notConclusive, nil))
    }

    /// Active above L* (bulk prefers the active phase, boundaries the inactive): the rule mirrors.
    func testActiveAboveMirrors() {
        let above = CriticalSizeBand(outcome: "active above L*", lowNm: 60, highNm: 60, sigmaNm: 5, unknownTerms: [])
        XCTAssertTrue(score(above, 100, 200) == (.agree, true))
        XCTAssertTrue(score(above, 4, 15) == (.disagree, false))
    }

    /// No L*, a crossing-free outcome, an unknown term or an unknown σ: not conclusive, never agree.
    func testUnknownCriticalSizesAreNotConclusive() {
        XCTAssertTrue(score(nil, 4, 15) == (.notConclusive, nil))
        XCTAssertTrue(score(.unknown("no stored alpha interface energy per area"), 4, 15) == (.notConclusive, nil))
        let every = CriticalSizeBand(outcome: "active at every size", lowNm: nil, highNm: nil, sigmaNm: nil, unknownTerms: [])
        XCTAssertTrue(score(every, 4, 15) == (.notConclusive, nil))
        var unknown = below
        unknown.unknownTerms = ["vacuum convergence (alpha)"]
        XCTAssertTrue(score(unknown, 4, 15) == (.notConclusive, nil))
        XCTAssertTrue(SizeAgreement.score(band: unknown, sizes: (4, 15), observed: true, bulkConverged: true).conclusion
            .contains("vacuum convergence (alpha)"))
        var noSigma = below
        noSigma.sigmaNm = nil
        XCTAssertTrue(score(noSigma, 4, 15) == (.notConclusive, nil))
    }

    /// Bulk not converged: left out; no sizes or no single observation: no answer.
    func testLeftOutAndNoAnswer() {
        XCTAssertTrue(score(below, 4, 15, bulk: false) == (.bulkNotConverged, nil))
        XCTAssertTrue(score(below, 4, 15, bulk: nil) == (.agree, true), "not checked is not flagged")
        XCTAssertTrue(score(below, 4, 15, observed: nil) == (.noAnswer, nil))
        XCTAssertEqual(SizeAgreement.score(band: below, sizes: nil, observed: true, bulkConverged: true).outcome, .noAnswer)
    }

    /// An unconverged bulk series leaves L* out only when L* rests on it: a nanocrystal L* (both
    /// phases from molecular blocks, no periodic bulk) is scored all the same.
    func testAnUnconvergedBulkLeavesOutOnlyAnLStarThatUsesIt() throws {
        let header = MeasuredCSV.columns.joined(separator: ",") + "\n"
        let rows = try MeasuredCSV.parse(header + """
            A/B,A,B,,,particle_size,4..15,nm,measured,src
            A/B,A,B,,,gamma_phase_retention,near_complete,qualitative,measured,src
            """, file: "s.csv")
        var prediction = PairingPrediction(verdictID: 1, campaign: "c", name: "A/B", activePhase: "gamma", marginKJ: -10,
                                           formulaUnits: 8, bulkConverged: false, inactivePhase: "delta", criticalSize: below)
        let evidence = [(observation: rows[1], stabilised: true)]
        XCTAssertEqual(SizeAgreement(prediction: prediction, sizes: [rows[0]], evidence: evidence).outcome, .bulkNotConverged,
                       "slab-route L* uses the bulk difference")
        prediction.criticalSizeUsesBulk = false
        let scored = SizeAgreement(prediction: prediction, sizes: [rows[0]], evidence: evidence)
        XCTAssertEqual(scored.outcome, .agree, scored.conclusion)
        XCTAssertEqual(scored.predictedKept, true)
    }

    /// The band from two terms propagated by hand. Model of CriticalSizeTests: equal volumes
    /// 1000 Å³, γ_a = 0.3, γ_i = 0.4 J/m², Δμ = 6.02214076 kJ/mol (1e-20 J): L* = 6·0.1/1e7 m = 60 nm.
    /// γ_a ± 0.01: L* = 6·0.09/1e7 = 54 nm and 6·0.11/1e7 = 66 nm, share 6 nm. Δμ ± 10 %:
    /// L* = 60/1.1 = 54.545455 and 60/0.9 = 66.666667, share 6.060606 nm.
    /// σ = √(36 + 36.730946) = 8.528244 nm; band [51.471756, 68.528244].
    func testTheBandPropagatesEachTermAndNamesUnknownOnes() {
        let a = ParticlePhase(name: "alpha", bulkKJPerMol: 6.02214076, volumePerUnit: 1000, boundaryJPerM2: 0.3)
        let i = ParticlePhase(name: "delta", bulkKJPerMol: 0, volumePerUnit: 1000, boundaryJPerM2: 0.4)
        let terms = [UncertaintyTerm(name: "slab", input: .activeBoundary, sigma: 0.01),
                     UncertaintyTerm(name: "bulk", input: .bulk, sigma: 0.602214076)]
        let band = CriticalSizeBand(estimates: ParticleShape.allCases.map {
            CriticalSizeEstimate(model: CriticalSize(active: a, inactive: i, shape: $0), terms: terms)
        })
        XCTAssertEqual(band.outcome, "active below L*")
        XCTAssertEqual(band.lowNm ?? 0, 60, accuracy: 1e-9)
        XCTAssertEqual(band.highNm ?? 0, 60, accuracy: 1e-9)
        XCTAssertEqual(band.sigmaNm ?? 0, 8.528244, accuracy: 1e-6)
        XCTAssertEqual(band.interval?.low ?? 0, 51.471756, accuracy: 1e-6)
        XCTAssertEqual(band.interval?.high ?? 0, 68.528244, accuracy: 1e-6)
        XCTAssertEqual(band.text, "L* = 60.0 ± 8.5 nm (active below L*)")

        let unknown = CriticalSizeBand(estimates: [CriticalSizeEstimate(
            model: CriticalSize(active: a, inactive: i, shape: .cube),
            terms: terms + [UncertaintyTerm(name: "GFN2 vs GFN1 (alpha)", input: .activeBoundary, sigma: nil)])])
        XCTAssertNil(unknown.interval, "an unknown term leaves no band to score")
        XCTAssertEqual(unknown.unknownTerms, ["GFN2 vs GFN1 (alpha)"])
        XCTAssertTrue(unknown.text.contains("uncertainty unknown (GFN2 vs GFN1 (alpha))"), unknown.text)
    }

    /// Ranges in the CSV: `low..high`; sizes must be positive nm; a backwards range is refused at its line.
    func testSizeRowsInTheCSV() throws {
        let header = MeasuredCSV.columns.joined(separator: ",") + "\n"
        let rows = try MeasuredCSV.parse(header + """
            A/B,A,B,,,particle_size,4..15,nm,measured,"text: '4-15 nm'"
            A/B,A,B,,,crystallite_size,20,nm,measured,src
            A/B,A,B,,,gamma_phase_retention,near_complete,qualitative,measured,src
            """, file: "s.csv")
        XCTAssertEqual(rows[0].value, .range(low: 4, high: 15))
        XCTAssertEqual(rows[0].value.description, "4..15")
        XCTAssertNil(rows[0].value.number, "a range is not one number (no rank correlation)")
        XCTAssertTrue(MeasuredSize.span(rows)! == (4, 20))
        for (body, text) in [("particle_size,15..4,nm", "runs backwards"), ("particle_size,4..x,nm", "range of two numbers"),
                             ("particle_size,12,um", "its unit must be \"nm\""), ("particle_size,0..3,nm", "positive"),
                             ("particle_size,small,qualitative", "its unit must be \"nm\""),
                             ("gamma_CsPbI3_wt_percent,1..2,qualitative", "needs a real unit")] {
            XCTAssertThrowsError(try MeasuredCSV.parse(header + "A/B,A,B,,,\(body),measured,src\n", file: "s.csv"), body) {
                let message = "\($0)"
                XCTAssertTrue(message.hasPrefix("s.csv:2: "), message)
                XCTAssertTrue(message.contains(text), "\(body): \(message)")
            }
        }
    }

    /// The shipped colloidal file: every row reads, the Protesescu size is the published 4–15 nm range,
    /// the rows quote their source, and no row pretends to be about a glass.
    func testShippedColloidalFileReads() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("jobs/measured/colloidal.csv").path
        let rows = try MeasuredCSV.parse(try String(contentsOfFile: path, encoding: .utf8), file: "colloidal.csv")
        XCTAssertEqual(rows.count, 3)
        let size = try XCTUnwrap(rows.first { MeasuredSize.isSize($0.quantity) })
        XCTAssertEqual(size.value, .range(low: 4, high: 15))
        XCTAssertTrue(size.source.contains("4-15 nm edge lengths"), size.source)
        XCTAssertTrue(rows.allSatisfy { $0.glass.isEmpty && $0.source.contains("stored at http") })
    }
}
