import Foundation
import GRDB
import XCTest
import Engine
import Structures
@testable import Store

/// A database made at the previous schema (v9, before engines were part of the identity) opens,
/// is migrated (v10: `engine` in the unique keys of `calculations` and `optimizations`, filled
/// from the recorded `engine_version`) and its rows stay cache hits for the engine that made them,
/// and only for it.
final class EngineIdentityMigrationTests: XCTestCase {
    /// Row ids of the v9 file's calculations, and its optimisation's.
    private struct V9 {
        var path: String
        var waterXTB: Int64, cellTBLite: Int64, waterUnknown: Int64, cellUnknown: Int64, optimization: Int64
    }

    private static let gfn1 = Settings(method: .gfn1)

    /// Raw SQL, as interscreen wrote the v9 schema: `CalculationRecord` now has a column v9 lacks.
    private func makeV9Database() throws -> V9 {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: SurfaceEnergyMigration.name)
        return try queue.write { db in
            try StructureRecord(StoreFixtures.water, hash: "h-water", sourceFile: "water.xyz").insert(db)
            var cell = StoreFixtures.water
            cell.lattice = Lattice(vectors: [Vec3(9, 0, 0), Vec3(0, 9, 0), Vec3(0, 0, 9)], pbc: [true, true, true])
            try StructureRecord(cell, hash: "h-cell", sourceFile: "cell.extxyz").insert(db)
            try SettingsRecord(StoreFixtures.gfn2).insert(db)
            try SettingsRecord(Self.gfn1).insert(db)
            func calculation(_ structure: String, _ settings: Settings, _ engine: String, _ energy: Double) throws -> Int64 {
                try db.execute(sql: """
                    INSERT INTO calculations (structure_hash, settings_hash, kind, method, energy_hartree, gradient,
                      gradient_norm, charges, gap_ev, scc_iterations, scc_converged, wall_seconds, engine_version,
                      interscreen_version, host, run_id, started_at, finished_at)
                    VALUES (?, ?, 'singlepoint', ?, ?, '[[0.1,0.2,0.3],[0,0,0],[-0.1,-0.2,-0.3]]', 0.5291502622129181,
                      NULL, NULL, NULL, 1, 0.5, ?, '0.0.9', 'node01', NULL, '2025-01-01 00:00:00.000',
                      '2025-01-01 00:00:01.000')
                    """, arguments: [structure, settings.hash, settings.method.rawValue, energy, engine])
                return db.lastInsertedRowID
            }
            let waterXTB = try calculation("h-water", StoreFixtures.gfn2, "libxtb 6.5.1 (api 10000)", -5.0705444406120)
            let cellTBLite = try calculation("h-cell", StoreFixtures.gfn2, "tblite 0.8.0 (python 3.11.7, numpy 2.4.6)",
                                             -5.1)
            let waterUnknown = try calculation("h-water", Self.gfn1, "an engine of old", -5.7)
            let cellUnknown = try calculation("h-cell", Self.gfn1, "an engine of old", -5.8)
            try db.execute(sql: """
                INSERT INTO optimizations (input_hash, settings_hash, options_hash, options_text, level, max_cycles,
                  freeze_spec, frozen_atoms, constraints_key, output_hash, status, converged, energy_hartree,
                  gradient_norm, cycles, gradient_evaluations, failed_evaluations, raised_max_iterations, notes,
                  wall_seconds, engine_version, interscreen_version, host, run_id, started_at, finished_at)
                VALUES ('h-water', ?, 'o-hash', 'o-text', 'normal', 200, '', '[]', 'none', 'h-water', 'converged', 1,
                  -5.0705444406120, 0.0001, 3, 4, 0, NULL, '', 1.5, 'libxtb 6.5.1 (api 10000)', '0.0.9', 'node01',
                  NULL, '2025-01-01 00:00:00.000', '2025-01-01 00:00:02.000')
                """, arguments: [StoreFixtures.gfn2.hash])
            let optimization = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO optimization_steps (optimization_id, cycle, energy_hartree, gradient_norm, energy_change,
                  predicted_change, step_length, trust_radius, accepted, scc_iteration_limit, note, wall_seconds,
                  positions)
                VALUES (?, 1, -5.07, 0.01, NULL, NULL, 0.1, 0.3, 1, NULL, NULL, 0.5, '[[0,0,0],[0,0,1],[0,1,0]]')
                """, arguments: [optimization])
            return V9(path: path, waterXTB: waterXTB, cellTBLite: cellTBLite, waterUnknown: waterUnknown,
                      cellUnknown: cellUnknown, optimization: optimization)
        }
    }

    private let libxtb = EngineIdentity(text: "libxtb 6.5.1")
    private let tblite = EngineIdentity(text: "tblite 0.8.0")

    func testEachRowGetsTheEngineThatMadeItOrThePeriodicityRule() throws {
        let old = try makeV9Database()
        let store = try ResultsStore(path: old.path)
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        XCTAssertTrue(StoreMigrations.names.contains(EngineIdentityMigration.name))
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let engines = Dictionary(uniqueKeysWithValues: try store.calculations().map { ($0.id ?? -1, $0.engine) })
        XCTAssertEqual(engines, [old.waterXTB: "libxtb 6.5.1", old.cellTBLite: "tblite 0.8.0",
                                 old.waterUnknown: "libxtb 6.5.1", old.cellUnknown: "tblite 0.8.0"])
        XCTAssertEqual(try store.optimizations().map(\.engine), ["libxtb 6.5.1"])
        try store.pool.read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            let calculations = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'calculations'") ?? ""
            XCTAssertTrue(calculations.contains("UNIQUE (\"structure_hash\", \"settings_hash\", \"kind\", \"engine\")"),
                          calculations)
            let optimizations = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'optimizations'") ?? ""
            XCTAssertTrue(optimizations.contains("UNIQUE (\"input_hash\", \"settings_hash\", \"options_hash\", \"engine\")"),
                          optimizations)
        }
    }

    func testOldRowsAreCacheHitsForTheEngineThatMadeThemOnly() throws {
        let old = try makeV9Database()
        let store = try ResultsStore(path: old.path)
        // The libxtb linked into this build is the one that made the molecular row.
        let linked = EngineIdentity(provenance: XTBCalculator.engineVersion)
        XCTAssertEqual(linked, libxtb)
        let hit = try XCTUnwrap(try store.cachedCalculation(structureHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                            engine: linked))
        XCTAssertEqual(hit.id, old.waterXTB)
        XCTAssertEqual(hit.energyHartree.bitPattern, (-5.0705444406120).bitPattern)
        XCTAssertEqual(hit.engineVersion, "libxtb 6.5.1 (api 10000)", "provenance kept as recorded")
        XCTAssertNil(try store.cachedCalculation(structureHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                 engine: tblite))
        XCTAssertEqual(try store.cachedCalculation(structureHash: "h-cell", settingsHash: StoreFixtures.gfn2.hash,
                                                   engine: tblite)?.id, old.cellTBLite)
        XCTAssertNil(try store.cachedCalculation(structureHash: "h-cell", settingsHash: StoreFixtures.gfn2.hash,
                                                 engine: libxtb))
        XCTAssertNil(try store.cachedCalculation(structureHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                 engine: EngineIdentity(text: "libxtb 6.6.0")), "another release")
        let optimization = try XCTUnwrap(try store.cachedOptimization(
            inputHash: "h-water", settingsHash: StoreFixtures.gfn2.hash, optionsHash: "o-hash", engine: libxtb))
        XCTAssertEqual(optimization.id, old.optimization)
        XCTAssertEqual(try store.optimizationSteps(id: old.optimization).map(\.cycle), [1], "cycles kept")
        XCTAssertNil(try store.cachedOptimization(inputHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                  optionsHash: "o-hash", engine: tblite))
    }

    func testAnotherEngineAddsASecondRowBesideTheOldOne() throws {
        let old = try makeV9Database()
        let store = try ResultsStore(path: old.path)
        var result = StoreFixtures.result(atoms: 3, energy: -5.0705444)
        result.engine = "tblite 0.8.0 (python 3.11.7, numpy 2.4.6)"
        let saved = try store.saveCalculation(structureHash: "h-water", settings: StoreFixtures.gfn2, result: result,
                                              runID: nil, startedAt: Date(timeIntervalSince1970: 1_764_756_000), finishedAt: Date(timeIntervalSince1970: 1_764_756_001), host: "node02",
                                              version: "0.2.0")
        XCTAssertNotEqual(saved.id, old.waterXTB)
        XCTAssertEqual(saved.engine, "tblite 0.8.0")
        XCTAssertEqual(try store.counts().calculations, 5)
        XCTAssertEqual(try store.cachedCalculation(structureHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                   engine: libxtb)?.energyHartree, -5.0705444406120)
        XCTAssertEqual(try store.cachedCalculation(structureHash: "h-water", settingsHash: StoreFixtures.gfn2.hash,
                                                   engine: tblite)?.id, saved.id)
        // New ids continue after the old ones.
        XCTAssertEqual(saved.id, old.cellUnknown + 1)
    }
}
