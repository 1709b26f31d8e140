import Foundation
import Models
import Structures
import XCTest

/// Which supercells a series walks through.
final class BulkSeriesTests: XCTestCase {
    func testCubicCellsGetEvenSupercellsOnly() throws {
        let alpha = try BulkSupercellTests.cell("alpha")
        XCTAssertEqual(SupercellSeries.automatic(for: alpha), .cubicEven)
        let labels = SupercellSeries.cubicEven.matrices(for: alpha, maxAtoms: 1300).map(\.label)
        XCTAssertEqual(labels, ["2x2x2", "fcc-2", "bcc-2", "4x4x4", "fcc-4", "6x6x6", "bcc-4", "fcc-6"])
        // Never an odd multiple (3x3x3 misses the R point, where α's band edges are).
        XCTAssertFalse(labels.contains("3x3x3"))
    }

    /// δ (10.46 × 4.80 × 17.78 Å) grows along the short b axis first.
    func testDeltaGrowsAlongItsShortAxis() throws {
        let delta = try BulkSupercellTests.cell("delta")
        XCTAssertEqual(SupercellSeries.automatic(for: delta), .shortestAxis(minimumWidth: 8))
        let labels = SupercellSeries.automatic(for: delta).matrices(for: delta, maxAtoms: 320).map(\.label)
        XCTAssertEqual(labels, ["1x2x1", "1x3x1", "2x3x1", "2x4x1", "2x4x2", "2x5x2"])
    }

    func testGammaSeries() throws {
        let gamma = try BulkSupercellTests.cell("gamma")
        let labels = SupercellSeries.automatic(for: gamma).matrices(for: gamma, maxAtoms: 240).map(\.label)
        XCTAssertEqual(labels, ["1x1x1", "1x1x2", "2x1x2", "2x2x2", "2x2x3", "3x2x3"])
    }

    /// The list ends with the first size over the cap, so a report can name it.
    func testCapKeepsTheFirstSizeBeyond() throws {
        let alpha = try BulkSupercellTests.cell("alpha")
        XCTAssertEqual(SupercellSeries.cubicEven.matrices(for: alpha, maxAtoms: 100).map(\.label),
                       ["2x2x2", "fcc-2", "bcc-2"])
    }
}
