import Foundation
import GRDB
import XCTest
import Engine
import Structures
@testable import Store

/// Temporary databases and sample data for the store tests.
enum StoreFixtures {
    /// A fresh folder under the temp directory; the database goes into a subfolder that does not
    /// exist yet, so `ResultsStore.init` has to create it.
    static func databasePath(_ test: XCTestCase) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("interscreen-store-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.appendingPathComponent("results/screen.sqlite").path
    }

    /// A database migrated up to `migration` (inclusive) holding one `surface_energies` row
    /// (γ = 0.21, as `interscreen surface` stored it before v14), closed again.
    static func databaseWithSurfaceRow(_ test: XCTestCase, upTo migration: String) throws -> String {
        let path = try databasePath(test)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreMigrations.makeMigrator().migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO surface_energies (kind, phase, cell_hash, formula, miller, termination, method,
                  surface_energy_j_m2, converged, layers, supercell, natoms, relaxed, excess, excess_reference,
                  volume_per_unit_a3, notes, computed_at)
                VALUES ('surface', 'alpha', 'cell', 'CsPbI3', '001', 'CsI', 'gfn2', 0.21, 1, 7, '2x2', 68, 0, 'CsI',
                  'CsI bulk', 248.8, '', '2026-12-03 12:00:00.000')
                """)
        }
        try queue.close()
        return path
    }

    static let water = Structure(
        name: "water", atomicNumbers: [8, 1, 1],
        positions: [Vec3(0, 0, 0.119262), Vec3(0, 0.763239, -0.477047), Vec3(0, -0.763239, -0.477047)])

    /// Cubic α-CsPbI3 cell (periodic, with a non-periodic c to check pbc round trips).
    static let alpha = Structure(
        name: "alpha-CsPbI3", atomicNumbers: [55, 82, 53, 53, 53],
        positions: [Vec3(0, 0, 0), Vec3(3.1447, 3.1447, 3.1447), Vec3(3.1447, 3.1447, 0),
                    Vec3(3.1447, 0, 3.1447), Vec3(0, 3.1447, 3.1447)],
        lattice: Lattice(vectors: [Vec3(6.2894, 0, 0), Vec3(0, 6.2894, 0), Vec3(0, 0, 6.2894)],
                         pbc: [true, true, false]))

    static let gfn2 = Settings(method: .gfn2)
    /// The engine identity of `result(atoms:)`.
    static let engine = EngineIdentity(text: "libxtb 6.5.1")

    /// A result whose numbers are awkward for text round trips.
    static func result(atoms: Int, energy: Double = -5.070544440612035, converged: Bool = true) -> CalculationResult {
        let awkward = [0.1 + 0.2, 1.0 / 3.0, -2.2250738585072014e-308, .leastNonzeroMagnitude, 1.2345678901234567e150,
                       -0.0, 123456789.12345679, -1e-17, 7.0]
        let gradient = (0..<atoms).map { i in (0..<3).map { awkward[(3 * i + $0) % awkward.count] } }
        return CalculationResult(energy: energy, gradient: gradient, charges: (0..<atoms).map { -0.1 * Double($0) + 1e-9 },
                                 gapEV: 14.3456, sccIterations: nil, sccConverged: converged,
                                 wallSeconds: 0.0013, engine: "libxtb 6.5.1")
    }

    /// Saves `structure` and a calculation of it; returns the calculation.
    @discardableResult
    static func saveCalculation(_ store: ResultsStore, _ structure: Structure, hash: String,
                                energy: Double = -5.070544440612035, runID: Int64? = nil) throws -> CalculationRecord {
        try store.saveStructure(structure, hash: hash, sourceFile: "clusters/\(structure.name).xyz")
        return try store.saveCalculation(
            structureHash: hash, settings: gfn2, result: result(atoms: structure.count, energy: energy),
            runID: runID, startedAt: Date(), finishedAt: Date(), host: "node01", version: "0.1.0")
    }

    /// Commits water and a GFN2 calculation of it in one transaction (the campaign's path).
    @discardableResult
    static func commitWater(_ store: ResultsStore, hash: String,
                            result: CalculationResult = result(atoms: 3)) throws -> CalculationRecord {
        try store.saveCalculation(of: water, hash: hash, sourceFile: nil, settings: gfn2, result: result, runID: nil,
                                  startedAt: Date(), finishedAt: Date(), host: "h", version: "v")
    }
}
