import Analysis
import XCTest

/// The verdict arithmetic on the paper's own numbers (Li et al. 2023) and hand-checked cases.
final class PhaseVerdictTests: XCTestCase {
    /// Paper: α −1224, δ −1033 kJ/mol; bulk δ below α by 18 kJ/mol per CsPbI3; 8 units.
    /// ΔΔE = 191; preference 8 × 18 = 144; margin 47: the interface stabilises α.
    func testPaperNumbersGiveThePapersVerdict() {
        let verdict = PhaseVerdict(protocolName: "paper", activePhase: "alpha", inactivePhase: "delta",
                                   active: .init(energies: [("a", -1224)]), inactive: .init(energies: [("d", -1033)]),
                                   bulkInactiveMinusActive: -18, formulaUnits: 8, kelvin: 300)
        XCTAssertEqual(verdict.ddELowest, 191)
        XCTAssertEqual(verdict.bulkPreference, 144)
        XCTAssertEqual(verdict.margin ?? .nan, 47, accuracy: 1e-12)
        XCTAssertTrue(verdict.sentence.hasPrefix("interface stabilises alpha"), verdict.sentence)
    }

    func testBoltzmannAverageWeightsLowConfigurations() {
        // Two configurations 5.7 kJ/mol apart at 300 K: weight ratio exp(-5.7/2.494) = 0.1017.
        let ensemble = ConfigurationEnsemble(energies: [("x", -100), ("y", -94.3)])
        let w = exp(-5.7 / (ConfigurationEnsemble.gasConstantKJ * 300))
        XCTAssertEqual(ensemble.boltzmannAverage(kelvin: 300) ?? .nan, (-100 + -94.3 * w) / (1 + w), accuracy: 1e-12)
        XCTAssertEqual(ensemble.boltzmannAverage(kelvin: 1e-6) ?? .nan, -100, accuracy: 1e-9)
        XCTAssertEqual(ensemble.range, 5.7, accuracy: 1e-12)
    }

    /// Measured here (DESIGN.md, fully relaxed, one exchange): α −160, δ −239: δ more exothermic.
    func testMoreExothermicInactivePhaseIsReportedAsNotStabilising() {
        let verdict = PhaseVerdict(protocolName: "relaxed", activePhase: "alpha", inactivePhase: "delta",
                                   active: .init(energies: [("a", -160)]), inactive: .init(energies: [("d", -239)]),
                                   bulkInactiveMinusActive: -41, formulaUnits: 8, kelvin: 300)
        XCTAssertEqual(verdict.ddELowest, -79)
        XCTAssertLessThan(verdict.margin ?? 0, 0)
        XCTAssertTrue(verdict.sentence.hasPrefix("interface does not stabilise alpha"), verdict.sentence)
    }

    func testSpreadLargerThanMarginIsCalledInconclusive() {
        let verdict = PhaseVerdict(protocolName: "frozen", activePhase: "alpha", inactivePhase: "delta",
                                   active: .init(energies: [("a1", -126), ("a2", -232)]),
                                   inactive: .init(energies: [("d1", -111), ("d2", -273)]),
                                   bulkInactiveMinusActive: -1, formulaUnits: 8, kelvin: 300)
        XCTAssertTrue(verdict.sentence.contains("not conclusive"), verdict.sentence)
    }

    /// One configuration per phase has no spread: the sentence says so instead of "± 0".
    func testOneConfigurationPerPhaseHasNoKnownSpread() {
        let verdict = PhaseVerdict(protocolName: "paper", activePhase: "alpha", inactivePhase: "delta",
                                   active: .init(energies: [("a", -1224)]), inactive: .init(energies: [("d", -1033)]),
                                   bulkInactiveMinusActive: -18, formulaUnits: 8, kelvin: 300)
        XCTAssertFalse(verdict.spreadKnown)
        XCTAssertNil(verdict.knownUncertainty)
        XCTAssertFalse(verdict.sentence.contains("± 0"), verdict.sentence)
        XCTAssertTrue(verdict.sentence.contains("spread unknown: one configuration of alpha and of delta"), verdict.sentence)
        let twoAlpha = PhaseVerdict(protocolName: "p", activePhase: "alpha", inactivePhase: "delta",
                                    active: .init(energies: [("a1", -1224), ("a2", -1200)]),
                                    inactive: .init(energies: [("d", -1033)]),
                                    bulkInactiveMinusActive: -18, formulaUnits: 8, kelvin: 300)
        XCTAssertTrue(twoAlpha.sentence.contains("spread unknown: one configuration of delta;"), twoAlpha.sentence)
    }

    /// A bulk preference from a supercell series that did not converge is flagged in the sentence.
    func testUnconvergedBulkIsFlagged() {
        func verdict(_ converged: Bool?) -> PhaseVerdict {
            PhaseVerdict(protocolName: "p", activePhase: "alpha", inactivePhase: "delta",
                         active: .init(energies: [("a1", -126), ("a2", -130)]),
                         inactive: .init(energies: [("d1", -111), ("d2", -115)]),
                         bulkInactiveMinusActive: -117, formulaUnits: 8, kelvin: 300, bulkConverged: converged)
        }
        XCTAssertTrue(verdict(false).sentence.contains("BULK SUPERCELL SERIES NOT CONVERGED"), verdict(false).sentence)
        XCTAssertFalse(verdict(true).sentence.contains("NOT CONVERGED"))
        XCTAssertFalse(verdict(nil).sentence.contains("NOT CONVERGED"))
        XCTAssertTrue(verdict(true).spreadKnown)
    }
}
