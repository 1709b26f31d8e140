import Foundation
import GRDB
import XCTest
@testable import Store

/// A database made by the previous schema (v1–v4, as earlier versions created it) opens, is
/// migrated to v5 (secondary indexes dropped, `calculations` without AUTOINCREMENT) and keeps
/// every row, id and link.
final class LeanWritesMigrationTests: XCTestCase {
    /// What a v4 calculation row held (raw SQL: `CalculationRecord` has columns of later schemas).
    private struct OldCalculation {
        var id: Int64
        var structureHash: String
        var settingsHash: String
        var energyHartree: Double
        var gradient: [[Double]]
    }

    /// A file at the v4 schema holding a run, two calculations and a task that points at one.
    private func makeV4Database() throws -> (path: String, calculations: [OldCalculation], task: TaskRecord) {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: VerdictMigration.name)
        return try queue.write { db in
            // Raw SQL: the v4 `runs` table has no engine_isolation column (v6) for RunRecord to fill.
            try db.execute(sql: """
                INSERT INTO runs (command, interscreen_version, host, pid, started_at)
                VALUES ('interscreen run old.toml', '0.0.9', 'node01', 7, '2025-01-01 00:00:00.000')
                """)
            let run = (id: Optional(db.lastInsertedRowID), ())
            var saved: [OldCalculation] = []
            for (name, structure) in [("water", StoreFixtures.water), ("alpha", StoreFixtures.alpha)] {
                try StructureRecord(structure, hash: "h-\(name)", sourceFile: "\(name).xyz").insert(db)
                if try !SettingsRecord.exists(db, key: StoreFixtures.gfn2.hash) {
                    try SettingsRecord(StoreFixtures.gfn2).insert(db)
                }
                let result = StoreFixtures.result(atoms: structure.count)
                try db.execute(sql: """
                    INSERT INTO calculations (structure_hash, settings_hash, kind, method, energy_hartree, gradient,
                      gradient_norm, charges, gap_ev, scc_iterations, scc_converged, wall_seconds, engine_version,
                      interscreen_version, host, run_id, started_at, finished_at)
                    VALUES (?, ?, 'singlepoint', 'gfn2', ?, ?, ?, NULL, ?, 12, 1, 0.5, 'libxtb 6.5.1', '0.0.9',
                      'node01', ?, '2025-01-01 00:00:00.000', '2025-01-01 00:00:01.000')
                    """, arguments: ["h-\(name)", StoreFixtures.gfn2.hash, result.energy,
                                     String(decoding: try JSONText.rows(result.gradient), as: UTF8.self),
                                     result.gradientNorm, result.gapEV, run.id])
                saved.append(OldCalculation(id: db.lastInsertedRowID, structureHash: "h-\(name)",
                                            settingsHash: StoreFixtures.gfn2.hash, energyHartree: result.energy,
                                            gradient: result.gradient))
            }
            var task = TaskRecord(campaign: "old", key: "alpha/sp", kind: "singlepoint", structureName: "alpha",
                                  inputHash: "h-alpha", definitionHash: "d", settingsHash: StoreFixtures.gfn2.hash,
                                  predictedSeconds: 2)
            task.state = .done
            task.calculationID = saved[1].id
            try task.insert(db)
            return (path, saved, try XCTUnwrap(try TaskRecord.fetchOne(db, key: task.id)))
        }
    }

    func testAnOldDatabaseOpensMigratedWithEveryRowAndLink() throws {
        let old = try makeV4Database()
        let store = try ResultsStore(path: old.path)
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        for calculation in old.calculations {
            let hit = try XCTUnwrap(try store.cachedCalculation(structureHash: calculation.structureHash,
                                                                settingsHash: calculation.settingsHash,
                                                                engine: StoreFixtures.engine))
            XCTAssertEqual(hit.id, calculation.id, "same id")
            XCTAssertEqual(hit.energyHartree.bitPattern, calculation.energyHartree.bitPattern)
            XCTAssertEqual(hit.gradient.flatMap { $0 }.map(\.bitPattern),
                           calculation.gradient.flatMap { $0 }.map(\.bitPattern), "gradient bit for bit")
        }
        XCTAssertEqual(try store.tasks(campaign: "old"), [old.task])
        XCTAssertEqual(try store.calculation(id: try XCTUnwrap(old.task.calculationID))?.structureHash, "h-alpha")
        try store.pool.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'calculations'") ?? ""
            XCTAssertFalse(sql.uppercased().contains("AUTOINCREMENT"), sql)
            // The identity as of the current schema (v10 added the engine).
            XCTAssertTrue(sql.contains("UNIQUE (\"structure_hash\", \"settings_hash\", \"kind\", \"engine\")"), sql)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            XCTAssertEqual(Set(indexes).intersection(["structures_on_formula", "structures_on_parent_hash",
                                                      "calculations_on_settings_hash", "calculations_on_run_id"]), [])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'calculations'"), 0)
        }
        // New results continue after the old ids, through the commit path.
        let next = try StoreFixtures.commitWater(store, hash: "h-new")
        XCTAssertEqual(next.id, (old.calculations.map(\.id).max() ?? 0) + 1)
        XCTAssertEqual(try store.counts().calculations, 3)
    }

    func testMigratingTwiceIsANoOp() throws {
        let old = try makeV4Database()
        _ = try ResultsStore(path: old.path)
        let reopened = try ResultsStore(path: old.path)
        XCTAssertEqual(try reopened.appliedMigrations(), StoreMigrations.names)
        XCTAssertEqual(try reopened.counts().calculations, 2)
    }
}
