import Foundation
import XCTest
@testable import Store

/// The campaign's fast insert path writes what the GRDB records read back, bit for bit.
final class ResultInserterTests: XCTestCase {
    func testFastPathRoundTripsThroughTheRecordDecoders() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        for structure in [StoreFixtures.water, StoreFixtures.alpha] {
            let hash = structure.contentHash
            let result = StoreFixtures.result(atoms: structure.count)
            let saved = try store.saveCalculation(of: structure, hash: hash, sourceFile: "f.xyz", settings: StoreFixtures.gfn2,
                                                  result: result, runID: nil, startedAt: Date(), finishedAt: Date(),
                                                  host: "node01", version: "0.1.0")
            let cached = try XCTUnwrap(try store.cachedCalculation(structureHash: hash, settingsHash: StoreFixtures.gfn2.hash,
                                                                   engine: StoreFixtures.engine))
            // The returned record equals what a lookup reads (dates to the stored millisecond).
            var (a, b) = (cached, saved)
            XCTAssertEqual(a.startedAt.timeIntervalSince1970, b.startedAt.timeIntervalSince1970, accuracy: 1e-3)
            XCTAssertEqual(a.finishedAt.timeIntervalSince1970, b.finishedAt.timeIntervalSince1970, accuracy: 1e-3)
            (a.startedAt, a.finishedAt) = (b.startedAt, b.finishedAt)
            XCTAssertEqual(a, b)
            XCTAssertEqual(cached.result.gradient.flatMap { $0 }.map(\.bitPattern),
                           result.gradient.flatMap { $0 }.map(\.bitPattern), "gradient bit for bit (incl. -0.0, denormals)")
            XCTAssertEqual(cached.charges, result.charges)
            XCTAssertEqual(try store.structure(hash: hash), structure)
            XCTAssertEqual(try store.settings(hash: StoreFixtures.gfn2.hash), StoreFixtures.gfn2)
        }
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testSecondSaveOfTheSameIdentityKeepsTheFirst() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let s = StoreFixtures.water
        func save(_ energy: Double) throws -> CalculationRecord {
            try store.saveCalculation(of: s, hash: s.contentHash, sourceFile: nil, settings: StoreFixtures.gfn2,
                                      result: StoreFixtures.result(atoms: 3, energy: energy), runID: nil,
                                      startedAt: Date(), finishedAt: Date(), host: "h", version: "v")
        }
        let first = try save(-1)
        let second = try save(-2)
        XCTAssertEqual(second.id, first.id)
        XCTAssertEqual(second.energyHartree, -1)
        XCTAssertEqual(try store.calculations().count, 1)
    }

    func testNonFiniteNumbersAreRefused() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var result = StoreFixtures.result(atoms: 3)
        result.gradient[0][0] = .nan
        XCTAssertThrowsError(try StoreFixtures.commitWater(store, hash: "h", result: result))
        XCTAssertEqual(try store.calculations().count, 0)
    }
}
