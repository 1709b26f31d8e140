import XCTest
@testable import Campaign

/// Calibration of the size model to measured history: a plain median ratio, or c · model^γ.
final class CostModelCalibrationTests: XCTestCase {
    private func samples(_ xs: [Double], _ f: (Double) -> Double) -> [(kind: String, predicted: Double, measured: Double)] {
        xs.map { (kind: "singlepoint", predicted: $0, measured: f($0)) }
    }

    func testAPowerLawIsRecoveredDespiteAFewSlowOutliers() {
        let xs = stride(from: 1.0, through: 60, by: 1.5).map { $0 }
        var history = samples(xs) { 0.3 * pow($0, 1.6) }
        for i in [5, 17, 30] { history[i].measured *= 8 }   // SCC retries
        let model = CostModel().calibrated(with: history)
        XCTAssertEqual(model.exponent["singlepoint"] ?? 1, 1.6, accuracy: 1e-9)
        XCTAssertEqual(model.scale["singlepoint"] ?? 1, 0.3, accuracy: 1e-9)
        XCTAssertEqual(model.seconds(kind: "singlepoint", model: 100), 0.3 * pow(100, 1.6), accuracy: 1e-6)
    }

    func testTasksOfOneSizeGiveTheMedianRatio() {
        let history = samples([10, 10, 10, 10, 10, 10, 10, 10, 10]) { _ in 0 } .enumerated()
            .map { (kind: $1.kind, predicted: $1.predicted, measured: Double($0 + 1)) }
        let model = CostModel().calibrated(with: history)
        XCTAssertNil(model.exponent["singlepoint"])
        XCTAssertEqual(model.scale["singlepoint"], 0.5)   // median of 1…9 over 10
        XCTAssertEqual(model.seconds(kind: "singlepoint", model: 40), 20)
    }

    func testTooFewSamplesGiveAPlainScale() {
        let model = CostModel().calibrated(with: samples([1, 4, 16, 64]) { $0 * $0 })
        XCTAssertNil(model.exponent["singlepoint"])
        XCTAssertEqual(model.seconds(kind: "singlepoint", model: 2), 2 * (model.scale["singlepoint"] ?? 0))
    }

    func testTheExponentIsClamped() {
        let model = CostModel().calibrated(with: samples(stride(from: 1.0, through: 20, by: 1).map { $0 }) { pow($0, 4) })
        XCTAssertEqual(model.exponent["singlepoint"], CostModel.exponentRange.upperBound)
    }

    func testAnUncalibratedKindIsTheModelItself() {
        let model = CostModel().calibrated(with: samples(stride(from: 1.0, through: 20, by: 1).map { $0 }) { $0 })
        XCTAssertEqual(model.seconds(kind: "optimization", model: 123), 123)
    }
}
