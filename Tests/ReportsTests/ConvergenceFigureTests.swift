import Foundation
@testable import Reports
@testable import Store
import XCTest

/// The convergence audit from hand-made rows: which rows each bar names.
final class ConvergenceFigureTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    func optimisation(_ id: Int64, converged: Bool, cycles: Int) -> OptimizationRecord {
        OptimizationRecord(id: id, inputHash: "i\(id)", settingsHash: "s", optionsHash: "o", optionsText: "", engine: "e", level: .normal,
                           maxCycles: 200, freezeSpec: "", frozenAtoms: [], constraintsKey: "", outputHash: "out\(id)",
                           status: converged ? "converged" : "max_cycles", converged: converged, energyHartree: -1,
                           gradientNorm: 0.001, cycles: cycles, gradientEvaluations: cycles, failedEvaluations: 0,
                           raisedMaxIterations: nil, notes: "", wallSeconds: 1, engineVersion: "e", interscreenVersion: "v",
                           host: "h", runID: 1, startedAt: t0, finishedAt: t0 + 1)
    }

    func calculation(_ id: Int64, scc: Int?, converged: Bool = true) -> CalculationRecord {
        CalculationRecord(id: id, structureHash: "x\(id)", settingsHash: "s", kind: .singlepoint, engine: "e", method: "gfn2",
                          energyHartree: -1, gradient: [], gradientNorm: 0, charges: nil, gapEV: nil, sccIterations: scc,
                          sccConverged: converged, wallSeconds: 0.1, engineVersion: "e", interscreenVersion: "v", host: "h",
                          runID: 1, startedAt: t0, finishedAt: t0 + 1)
    }

    func failure(_ id: Int64, _ failureClass: String) -> FailureRecord {
        FailureRecord(id: id, structureHash: nil, settingsHash: nil, source: "f\(id)", failureClass: failureClass,
                      message: "m", host: "h", runID: 1, at: t0)
    }

    func testBarsNameTheirRows() throws {
        let data = ReportData(database: "db", campaign: nil, verdicts: [], reactions: [], tasks: [],
                              calculations: [calculation(1, scc: 5), calculation(2, scc: 7), calculation(3, scc: 12, converged: false),
                                             calculation(4, scc: nil)],
                              optimizations: [optimisation(1, converged: true, cycles: 4), optimisation(2, converged: false, cycles: 200),
                                              optimisation(3, converged: true, cycles: 9)],
                              failures: [failure(1, "scc_not_converged"), failure(2, "unknown_element"), failure(3, "scc_not_converged")])
        let section = ConvergenceFigure.section(data)
        XCTAssertEqual(section.figures.map(\.id), ["optimisations-converged", "scc-iterations", "optimisation-cycles",
                                                   "failures-by-class"])
        XCTAssertEqual(section.notes.first, "SCC converged in 3 of 4 calculation rows; not converged: calculations row 3.")
        func rows(_ figure: Int) throws -> [String] {
            let check = XMLDocumentCheck(section.figures[figure].svg)
            XCTAssertNil(try StrictXML.problem(section.figures[figure].svg))
            return check.elements.compactMap { $0.attributes["data-row"] }
        }
        XCTAssertEqual(try rows(0), ["optimizations:1,3", "optimizations:2"])
        // 5…12 in at most ~12 bins: (12 − 5 + 1)/12 < 1 → width 1; only non-empty bins are drawn.
        XCTAssertEqual(try rows(1), ["calculations:1", "calculations:2", "calculations:3"])
        XCTAssertEqual(try rows(3), ["failures:1,3", "failures:2"], "classes in alphabetical order")
        XCTAssertTrue(section.figures[0].caption.hasPrefix("2 of 3 optimisations converged (66.7 %)"), section.figures[0].caption)
    }
}
