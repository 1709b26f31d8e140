import Foundation
import GRDB
import Structures
import XCTest
@testable import Store

/// v15 `nanocrystals` on real SQLite files: a v14 database migrates with its rows kept, a record
/// round-trips, a second save of the same block keeps the first row, and `merge` carries the rows.
final class NanocrystalStoreTests: XCTestCase {
    static func record(hash: String, repeats: String = "2x2x2") -> NanocrystalRecord {
        NanocrystalRecord(structureHash: hash, sourceFile: "clusters/bulk/CsPbI3-alpha.extxyz", repeats: repeats,
                          formulaUnits: 8, boxAreaA2: 949.3404585600001,
                          faceAreasA2: [316.44681952, 316.44681952, 316.44681952000004], boxVolumeA3: 1990.3275, surfaceBSites: 8,
                          brokenBonds: 24, origin: SIMD3(0.125, 0, 0.375))
    }

    func testV14DatabaseMigratesWithItsRowsKept() throws {
        let path = try StoreFixtures.databaseWithSurfaceRow(self, upTo: SurfaceCampaignMigration.name)

        let store = try ResultsStore(path: path)
        let names = StoreMigrations.names
        XCTAssertEqual(names.firstIndex(of: NanocrystalMigration.name), names.firstIndex(of: SurfaceCampaignMigration.name).map { $0 + 1 },
                       "v15 follows v14 (later migrations may follow it)")
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(try store.surfaceEnergies().map(\.surfaceEnergyJM2), [0.21], "the v14 row is kept")
        XCTAssertEqual(try store.nanocrystals(), [:])
        let saved = try store.saveStructure(StoreFixtures.water, sourceFile: nil)
        try store.saveNanocrystal(Self.record(hash: saved.hash))
        XCTAssertEqual(try store.nanocrystals().keys.sorted(), [saved.hash])
    }

    func testRecordRoundTripsAndTheFirstRowOfABlockIsKept() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let hash = try store.saveStructure(StoreFixtures.water, sourceFile: nil).hash
        let row = Self.record(hash: hash)
        try store.saveNanocrystal(row)
        try store.saveNanocrystal(Self.record(hash: hash, repeats: "3x3x3"))
        let stored = try XCTUnwrap(try store.nanocrystals()[hash])
        XCTAssertEqual(stored, row, "every column, the date to the millisecond")
        XCTAssertEqual(stored.originVector, SIMD3(0.125, 0, 0.375))
        XCTAssertEqual(stored.origin, "[0.125,0.0,0.375]")
        XCTAssertEqual(stored.faceAreasA2, [316.44681952, 316.44681952, 316.44681952000004], "exact, through the JSON text")
        let text = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT face_areas FROM nanocrystals WHERE structure_hash = ?", arguments: [hash]) }
        let decoded = try JSONDecoder().decode([Double].self, from: Data(try XCTUnwrap(text).utf8))
        XCTAssertEqual(decoded, stored.faceAreasA2, "stored as JSON text of three numbers")
        try store.write { transaction in try transaction.saveNanocrystal(Self.record(hash: "other", repeats: "1x2x1")) }
        XCTAssertEqual(try store.nanocrystals()["other"]?.repeats, "1x2x1")
    }

    func testMergeCarriesTheRows() throws {
        let a = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let b = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let hash = try b.saveStructure(StoreFixtures.water, sourceFile: nil).hash
        try b.saveNanocrystal(Self.record(hash: hash))
        let report = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(report.tables["nanocrystals"]?.added, 1)
        XCTAssertEqual(report.notMerged, [:])
        XCTAssertEqual(try a.nanocrystals(), try b.nanocrystals())
        let again = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(again.tables["nanocrystals"]?.present, 1)
        XCTAssertTrue(again.changedNothing)
    }
}
