import Analysis
import Foundation
@testable import Reports
@testable import Store
import XCTest

/// The report's parts against values worked out by hand: row lists, scales, bins, splits, efficiency.
final class ReportPartsTests: XCTestCase {
    func testRowListsCompressRuns() {
        XCTAssertEqual(RowIDs.text("reactions", [3, 1, 2, 7, 10, 9]), "reactions rows 1–3, 7, 9–10")
        XCTAssertEqual(RowIDs.text("verdicts", [4]), "verdicts row 4")
        XCTAssertEqual(RowIDs.attribute("tasks", [5, 6]), "tasks:5,6")
    }

    /// −279.1…0 in about 6 ticks: raw step 279.1/5 = 55.8 → the next of 10, 20, 50, 100 is 100,
    /// so the axis runs −300…0 with ticks every 100; pixels map linearly.
    func testScaleHasRoundTicks() {
        let scale = LinearScale(covering: [-263, -279.1], including: [0], pixels: (300, 0))
        XCTAssertEqual(scale.ticks, [-300, -200, -100, 0])
        XCTAssertEqual(scale(-150), 150, accuracy: 1e-12)
        XCTAssertEqual(scale.label(-200), "-200")
        XCTAssertEqual(LinearScale(covering: [0, 0.37], pixels: (0, 1)).step, 0.1, accuracy: 1e-15)
    }

    /// 1…25 in at most ~12 bins: 25/12 ≈ 2.1 → width 5; bins 0–4 (1…4), 5–9, …, 25–29 (25 alone).
    func testHistogramBins() {
        let h = Histogram((1...25).map { (value: $0, id: Int64($0)) })
        XCTAssertEqual(h.bins.map(\.lower), [0, 5, 10, 15, 20, 25])
        XCTAssertEqual(h.bins.map(\.ids.count), [4, 5, 5, 5, 5, 1])
        XCTAssertEqual(h.bins.last?.ids, [25])
    }

    /// Two ranks: rank 1 busy 0–4 s and 4–6 s, rank 2 busy 1–5 s. Σ task time 10 s, makespan 6 s:
    /// efficiency 10 / (2 × 6).
    func testEfficiency() throws {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let tasks = [(1, 0.0, 4.0), (1, 4, 6), (2, 1, 5)].enumerated().map { i, span in
            var t = TaskRecord(campaign: "c", key: "k\(i)", kind: "singlepoint", structureName: "s", inputHash: nil,
                               definitionHash: "d", settingsHash: "h", predictedSeconds: 1)
            t.id = Int64(i + 1)
            t.rank = span.0
            t.runID = 7
            t.state = .done
            t.startedAt = t0 + span.1
            t.finishedAt = t0 + span.2
            return t
        }
        let run = try XCTUnwrap(RunThroughput.all(tasks).first)
        XCTAssertEqual(run.ranks, [1, 2])
        XCTAssertEqual(run.makespan, 6, accuracy: 1e-9)
        XCTAssertEqual(run.busySeconds, 10, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(run.efficiency), 10.0 / 12.0, accuracy: 1e-12)
    }

    /// The split is read from the verdict's stored roles, never inferred: moving a row between the
    /// roles moves it in the figure even though the energies would then no longer match.
    func testVerdictRowsSplitAsStoredRoles() throws {
        let rows = ReportFixture.reactions()
        var verdict = ReportFixture.verdict()
        let split = try VerdictConfigurations.of(verdict, reactions: rows).get()
        XCTAssertEqual(split.bulk?.id, 1)
        XCTAssertEqual(split.active.compactMap(\.id), [2, 3])
        XCTAssertEqual(split.inactive.compactMap(\.id), [4])
        verdict.roles = VerdictRoles(bulk: 1, active: [2], inactive: [3, 4])
        XCTAssertEqual(try VerdictConfigurations.of(verdict, reactions: rows).get().inactive.compactMap(\.id), [3, 4])
        verdict.roles = nil
        XCTAssertThrowsError(try VerdictConfigurations.of(verdict, reactions: rows).get()) {
            XCTAssertEqual($0 as? VerdictConfigurations.Missing, .rolesUnknown)
        }
        verdict.roles = VerdictRoles(bulk: 1, active: [2, 99], inactive: [4])
        XCTAssertThrowsError(try VerdictConfigurations.of(verdict, reactions: rows).get()) {
            XCTAssertEqual($0 as? VerdictConfigurations.Missing, .reactionMissing(99))
        }
    }
}
