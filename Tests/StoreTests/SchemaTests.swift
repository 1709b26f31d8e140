import Foundation
import XCTest
@testable import Store

final class SchemaTests: XCTestCase {
    func testOpenCreatesFolderMigratesAndUsesWAL() throws {
        let path = try StoreFixtures.databasePath(self)
        let store = try ResultsStore(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(StoreMigrations.names.first, "v1-initial")
        XCTAssertEqual(try store.journalMode(), "wal")
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try store.counts(), StoreCounts(runs: 0, unfinishedRuns: 0, structures: 0, settings: 0,
                                                       calculations: 0, unconvergedCalculations: 0,
                                                       failures: 0, failuresByClass: [:]))
    }

    /// Several openers of one new file at once (a `status` while a run starts): all succeed, the
    /// schema is migrated once. Before the fix, the loser's CREATE TABLE failed ("already exists").
    func testConcurrentOpenersOfANewFileAllSucceed() throws {
        final class Outcomes: @unchecked Sendable {
            let lock = NSLock()
            var errors: [String] = []
        }
        for _ in 0..<10 {
            let path = try StoreFixtures.databasePath(self)
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    _ = try ResultsStore(path: path)
                } catch {
                    outcomes.lock.withLock { outcomes.errors.append("\(error)") }
                }
            }
            XCTAssertEqual(outcomes.errors, [])
            XCTAssertEqual(try ResultsStore(path: path).appliedMigrations(), StoreMigrations.names)
        }
    }

    func testReopenKeepsDataAndDoesNotRerunMigrations() throws {
        let path = try StoreFixtures.databasePath(self)
        do {
            let store = try ResultsStore(path: path)
            try StoreFixtures.saveCalculation(store, StoreFixtures.water, hash: "h-water")
        }
        let reopened = try ResultsStore(path: path)
        XCTAssertEqual(try reopened.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(try reopened.counts().calculations, 1)   // a re-run v1 would have failed or emptied it
        XCTAssertEqual(try reopened.integrityCheck(), "ok")
    }

    func testRunsAreOpenedAndClosed() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let run = try store.beginRun(command: ["interscreen", "screen", "jobs/a b.toml"], version: "0.1.0", host: "node01")
        let id = try XCTUnwrap(run.id)
        XCTAssertEqual(run.command, "interscreen screen jobs/a b.toml")
        XCTAssertEqual(try store.counts().unfinishedRuns, 1)
        try store.finishRun(id: id, exitStatus: 3)
        let finished = try XCTUnwrap(try store.run(id: id))
        XCTAssertEqual(finished.exitStatus, 3)
        XCTAssertNotNil(finished.finishedAt)
        XCTAssertEqual(finished.pid, Int(ProcessInfo.processInfo.processIdentifier))
        XCTAssertEqual(try store.counts().unfinishedRuns, 0)
    }

    func testASecondConnectionSeesEachCommitAtOnce() throws {
        // What an `export` or `status` next to a running screen sees: every save is committed
        // before it returns, without closing the writer.
        let path = try StoreFixtures.databasePath(self)
        let writer = try ResultsStore(path: path)
        let reader = try ResultsStore(path: path)
        for i in 1...3 {
            try StoreFixtures.saveCalculation(writer, StoreFixtures.water, hash: "h\(i)", energy: -Double(i))
            XCTAssertEqual(try reader.counts().calculations, i)
            XCTAssertEqual(try reader.cachedCalculation(structureHash: "h\(i)", settingsHash: StoreFixtures.gfn2.hash,
                                                          engine: StoreFixtures.engine)?
                .energyHartree, -Double(i))
        }
        XCTAssertEqual(try reader.integrityCheck(), "ok")
    }
}
