import Foundation
import XCTest
import Engine
import Structures
@testable import Store

/// `ResultsStore.write`: a batch of results is committed whole or not at all, a savepoint undoes
/// only its own part, and the settings cache never believes in a row that was rolled back.
final class StoreTransactionTests: XCTestCase {
    private struct Abort: Error {}

    private func save(_ structure: Structure, settings: Settings = StoreFixtures.gfn2,
                      in transaction: StoreTransaction) throws {
        try transaction.saveCalculation(of: structure, hash: structure.contentHash, sourceFile: nil, settings: settings,
                                        result: StoreFixtures.result(atoms: structure.count), runID: nil,
                                        startedAt: Date(), finishedAt: Date(), host: "h", version: "v")
    }

    func testAFailedBatchStoresNothingAndAGoodOneStoresAll() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        XCTAssertThrowsError(try store.write { transaction in
            try save(StoreFixtures.water, in: transaction)
            try save(StoreFixtures.alpha, in: transaction)
            throw Abort()
        })
        var counts = try store.counts()
        XCTAssertEqual([counts.structures, counts.calculations, counts.settings], [0, 0, 0])

        try store.write { transaction in
            try save(StoreFixtures.water, in: transaction)
            try save(StoreFixtures.alpha, in: transaction)
        }
        counts = try store.counts()
        XCTAssertEqual([counts.structures, counts.calculations, counts.settings], [2, 2, 1])
        let stored = try XCTUnwrap(store.cachedCalculation(structureHash: StoreFixtures.alpha.contentHash,
                                                           settingsHash: StoreFixtures.gfn2.hash,
                                                           engine: StoreFixtures.engine))
        XCTAssertEqual(stored.energyHartree, StoreFixtures.result(atoms: 5).energy)
    }

    func testAnIsolatedPartThatFailsIsUndoneAlone() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try store.write { transaction in
            try save(StoreFixtures.water, in: transaction)
            XCTAssertThrowsError(try transaction.isolated {
                try save(StoreFixtures.alpha, in: transaction)
                throw Abort()
            })
            try transaction.saveFailure(source: "alpha", structureHash: nil, settingsHash: nil,
                                        failureClass: "internal", message: "could not store", runID: nil, host: "h")
        }
        let counts = try store.counts()
        XCTAssertEqual([counts.structures, counts.calculations, counts.failures], [1, 1, 1])
        XCTAssertNil(try store.structureRecord(hash: StoreFixtures.alpha.contentHash))
        XCTAssertNotNil(try store.structureRecord(hash: StoreFixtures.water.contentHash))
    }

    /// The settings row of a rolled-back batch is written again by the next one: the calculation
    /// would otherwise reference a settings row that does not exist (a foreign-key error).
    func testSettingsOfARolledBackBatchAreWrittenAgain() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let hot = Settings(method: .gfn2, electronicTemperature: 1000)
        XCTAssertThrowsError(try store.write { transaction in
            try transaction.saveSettings(hot)
            throw Abort()
        })
        XCTAssertEqual(try store.counts().settings, 0)
        try store.write { transaction in try save(StoreFixtures.water, settings: hot, in: transaction) }
        XCTAssertEqual(try store.settings(hash: hot.hash), hot)
        XCTAssertEqual(try store.counts().calculations, 1)
    }

    /// The same for settings first written by a part that was undone while the batch committed.
    func testSettingsOfAnUndonePartAreWrittenAgain() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let hot = Settings(method: .gfn2, electronicTemperature: 1000)
        try store.write { transaction in
            try save(StoreFixtures.water, in: transaction)
            XCTAssertThrowsError(try transaction.isolated {
                try save(StoreFixtures.alpha, settings: hot, in: transaction)
                throw Abort()
            })
        }
        XCTAssertNil(try store.settings(hash: hot.hash))
        try store.write { transaction in try save(StoreFixtures.alpha, settings: hot, in: transaction) }
        XCTAssertEqual(try store.settings(hash: hot.hash), hot)
        XCTAssertEqual(try store.counts().calculations, 2)
    }
}
