import Foundation
import GRDB
import XCTest
import Engine
import Structures
@testable import Store

/// A database written at v12 (before `work_requests`) opens, keeps its rows as cache hits, and from
/// then on remembers which row answers a request whose settings were not those used.
final class RequestedSettingsMigrationTests: XCTestCase {
    func testV12DatabaseKeepsItsRowsAndLearnsRequests() throws {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: TaskFlagsMigration.name)
        let hot = Settings(method: .gfn2, electronicTemperature: 1000)
        try queue.write { db in
            try StructureRecord(StoreFixtures.water, hash: "h-water", sourceFile: "water.xyz").insert(db)
            try SettingsRecord(hot).insert(db)
            var row = ResultsStore.calculationRecord(
                structureHash: "h-water", settingsHash: hot.hash, settings: hot, result: StoreFixtures.result(atoms: 3),
                kind: .singlepoint, runID: nil, startedAt: Date(), finishedAt: Date(), host: "node01", version: "0.0.9")
            try row.insert(db)
        }
        try queue.close()

        let store = try ResultsStore(path: path)
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(StoreMigrations.names.firstIndex(of: RequestedSettingsMigration.name), 12, "v13 is the 13th")
        let old = try XCTUnwrap(try store.cachedCalculation(structureHash: "h-water", settingsHash: hot.hash,
                                                            engine: StoreFixtures.engine), "a v12 row stays a cache hit")
        let requested = StoreFixtures.gfn2
        XCTAssertNil(try store.workRequest(kind: .singlepoint, structureHash: "h-water",
                                           requestedSettingsHash: requested.hash, engine: StoreFixtures.engine))

        let request = WorkRequestRecord(
            kind: .singlepoint, structureHash: "h-water", requestedSettingsHash: requested.hash, optionsHash: "",
            engine: StoreFixtures.engine.text, usedSettingsHash: hot.hash, calculationID: old.id, optimizationID: nil,
            flags: [.sccRetryMoreIterations, .electronicTemperatureRaised(kelvin: 1000)], attempts: 3)
        let saved = try store.write { try $0.saveWorkRequest(request, requestedSettings: requested) }
        let again = try store.write { transaction in
            var other = request
            other.attempts = 9
            return try transaction.saveWorkRequest(other, requestedSettings: requested)
        }
        XCTAssertEqual(again, saved, "the first answer wins")
        let found = try XCTUnwrap(try store.workRequest(kind: .singlepoint, structureHash: "h-water",
                                                        requestedSettingsHash: requested.hash,
                                                        engine: StoreFixtures.engine))
        XCTAssertEqual(found.calculationID, old.id)
        XCTAssertEqual(found.usedSettingsHash, hot.hash)
        XCTAssertEqual(found.flags, [.sccRetryMoreIterations, .electronicTemperatureRaised(kelvin: 1000)])
        XCTAssertEqual(found.attempts, 3)
        XCTAssertNotNil(try store.settings(hash: requested.hash), "the requested settings are stored too")
        XCTAssertNil(try store.workRequest(kind: .singlepoint, structureHash: "h-water",
                                           requestedSettingsHash: requested.hash,
                                           engine: EngineIdentity(text: "tblite 0.8.0")),
                     "another engine's answer is never a hit")
    }
}
