import Foundation
import GRDB
import XCTest
@testable import Store

/// Flags written as comma-joined text by earlier versions read back as typed flags after the
/// v12 migration, and new rows store a JSON array that no reader splits.
final class TaskFlagsMigrationTests: XCTestCase {
    func testCommaJoinedFlagsBecomeTypedFlags() throws {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: SurfaceEnergyMigration.name)
        // Exactly what the previous writer stored (details had their commas turned into semicolons).
        let old = ["etemp_raised_to_1000K,scc_retry_more_iterations",
                   "optimization_not_converged,topology_broken: H12 moved from N3 to N7; ligand left",
                   "metal_bonds_changed: Zn1 lost N4"]
        try queue.write { db in
            for (i, text) in old.enumerated() {
                try db.execute(sql: """
                    INSERT INTO tasks (campaign, key, kind, structure_name, definition_hash, settings_hash, state,
                                       attempts, crashes, predicted_seconds, flags)
                    VALUES ('old', ?, 'singlepoint', 's', 'd', 'h', 'done', 1, 0, 1, ?)
                    """, arguments: ["t\(i)", text])
            }
        }
        try queue.close()
        let store = try ResultsStore(path: path)
        let flags = try store.tasks(campaign: "old").map(\.flags)
        XCTAssertEqual(flags, [
            [.electronicTemperatureRaised(kelvin: 1000), .sccRetryMoreIterations],
            [.optimizationNotConverged, .topologyBroken("H12 moved from N3 to N7; ligand left")],
            [.metalBondsChanged("Zn1 lost N4")],
        ])
        XCTAssertEqual(flags.map { $0.contains(where: \.excludesFromReactions) }, [false, true, false])
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT flags FROM tasks ORDER BY id") }
        XCTAssertEqual(stored[0], #"["etemp_raised_to_1000K","scc_retry_more_iterations"]"#)
    }

    func testEveryFlagRoundTripsThroughItsText() {
        let flags: [TaskFlag] = [.sccRetryMoreIterations, .electronicTemperatureRaised(kelvin: 1500), .optimizationNotConverged,
                                 .topologyBroken("a, b"), .metalBondsChanged("Zn: 4 → 3"), .other("new_kind")]
        for flag in flags { XCTAssertEqual(TaskFlag(text: flag.text), flag, flag.text) }
    }
}
