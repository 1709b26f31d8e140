import Engine
import Foundation
import Store
import Work
import XCTest
@testable import Campaign

/// The report a worker sends rank 0 (over MPI and the engine helper's pipe): the compute step's
/// report nested whole, and a report JSON cannot carry sent as its task's failure with the reason.
final class TaskReportWireTests: XCTestCase {
    private func result(energy: Double) -> CalculationResult {
        CalculationResult(energy: energy, gradient: [[0, 0, 1e-3]], charges: [0], gapEV: 1, sccIterations: 5,
                          sccConverged: true, wallSeconds: 0.1, engine: XTBCalculator.engineVersion)
    }

    func testTheComputeStepsReportTravelsNestedAndWhole() throws {
        let sent = TaskReport(id: 7, report: WorkReport(settingsUsed: Settings(), result: result(energy: -5.07), attempts: 2,
                                                        flags: [.electronicTemperatureRaised(kelvin: 600)]),
                              wallSeconds: 0.5, host: "node-3", startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let bytes = sent.encoded()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["id", "report", "wallSeconds", "host", "startedAt"])
        let received = try TaskReport.decode(bytes)
        XCTAssertEqual(received.id, 7)
        XCTAssertEqual(received.host, "node-3")
        XCTAssertEqual(received.startedAt, sent.startedAt)
        XCTAssertEqual(received.report.result?.energy, -5.07)
        XCTAssertEqual(received.report.attempts, 2)
        XCTAssertEqual(received.report.flags, [.electronicTemperatureRaised(kelvin: 600)])
        XCTAssertTrue(received.succeeded)
    }

    func testAReportJSONCannotCarryArrivesAsItsTasksFailureWithTheReason() throws {
        let sent = TaskReport(id: 3, report: WorkReport(settingsUsed: Settings(), result: result(energy: .nan), attempts: 1),
                              wallSeconds: 0.5, host: "node-3", startedAt: Date())
        let received = try TaskReport.decode(sent.encoded())
        XCTAssertEqual(received.id, 3)
        XCTAssertEqual(received.report.failureClass, .internal)
        XCTAssertTrue(received.report.message?.contains("could not be encoded") == true, received.report.message ?? "")
        XCTAssertNil(received.report.result)
    }
}
