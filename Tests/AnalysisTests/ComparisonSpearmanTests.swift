import Analysis
import Foundation
import XCTest

/// Spearman's ρ against values worked out by hand from the textbook definition (Pearson correlation
/// of the ranks, tied values sharing their mean rank), and a published worked example.
final class ComparisonSpearmanTests: XCTestCase {
    func testTiedValuesShareTheirMeanRank() {
        XCTAssertEqual(SpearmanRank.averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4])
        XCTAssertEqual(SpearmanRank.averageRanks([5, 5, 5]), [2, 2, 2])
        XCTAssertEqual(SpearmanRank.averageRanks([3, 1, 2]), [3, 1, 2])
    }

    /// Wikipedia, "Spearman's rank correlation coefficient", worked example: IQ against hours of TV
    /// per week for ten people; Σd² = 194, so ρ = 1 − 6·194 / (10·(10² − 1)) = −29/165.
    func testPublishedIQTelevisionExample() throws {
        let iq: [Double] = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
        let tv: [Double] = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]
        XCTAssertEqual(try XCTUnwrap(SpearmanRank.rho(iq, tv)), -29.0 / 165.0, accuracy: 1e-12)
    }

    /// x = [1, 2, 2, 3] → ranks [1, 2.5, 2.5, 4]; y = [1, 3, 2, 4] → ranks [1, 3, 2, 4]; both means 2.5.
    /// Deviations (−1.5, 0, 0, 1.5) and (−1.5, 0.5, −0.5, 1.5): Σxy = 4.5, Σxx = 4.5, Σyy = 5.
    func testTieInOneSample() throws {
        let rho = try XCTUnwrap(SpearmanRank.rho([1, 2, 2, 3], [1, 3, 2, 4]))
        XCTAssertEqual(rho, 4.5 / (4.5 * 5).squareRoot(), accuracy: 1e-12)
    }

    /// x = [1, 1, 2, 2] → ranks [1.5, 1.5, 3.5, 3.5]; y ranks [1, 2, 3, 4]. Σxy = 4, Σxx = 4, Σyy = 5:
    /// ρ = 4/√20 ≈ 0.894, not the 0.9 the no-ties shortcut 1 − 6Σd²/(n(n²−1)) would give.
    func testTiesUseThePearsonFormNotTheShortcut() throws {
        let rho = try XCTUnwrap(SpearmanRank.rho([1, 1, 2, 2], [1, 2, 3, 4]))
        XCTAssertEqual(rho, 4 / 20.0.squareRoot(), accuracy: 1e-12)
        XCTAssertNotEqual(rho, 0.9, accuracy: 1e-3)
    }

    func testMonotoneButNonlinearIsPlusOrMinusOne() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        XCTAssertEqual(try XCTUnwrap(SpearmanRank.rho(x, x.map { $0 * $0 * $0 })), 1, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(SpearmanRank.rho(x, x.map { exp(-$0) })), -1, accuracy: 1e-12)
    }

    func testUndefinedCases() {
        XCTAssertNil(SpearmanRank.rho([1, 2, 3], [4, 4, 4]), "a constant side has no ranks to correlate")
        XCTAssertNil(SpearmanRank.rho([1], [2]))
        XCTAssertNil(SpearmanRank.rho([1, 2], [1, 2, 3]))
    }

    /// Exact permutation p-values counted by hand, and the normal approximation above the limit.
    func testPermutationPValues() throws {
        // n = 3, perfectly monotone: only the identity and the reversal reach |ρ| = 1: 2 of 6.
        XCTAssertEqual(try XCTUnwrap(RankTest.pValue([1, 2, 3], [4, 5, 6])), 2.0 / 6, accuracy: 1e-12)
        // n = 5, perfectly monotone: 2 of 120.
        XCTAssertEqual(try XCTUnwrap(RankTest.pValue([1, 2, 3, 4, 5], [9, 8, 7, 6, 5])), 2.0 / 120, accuracy: 1e-12)
        // n = 10 (> 8): ρ = 1, z = √9 = 3, two-sided p = erfc(3/√2) = 0.0026998 (standard normal table).
        let x = (1...10).map(Double.init)
        XCTAssertEqual(try XCTUnwrap(RankTest.pValue(x, x)), 0.0026998, accuracy: 1e-6)
        XCTAssertNil(RankTest.pValue([1, 1, 1], [1, 2, 3]))
    }
}
