import Foundation
import XCTest
import Engine
import Optimization
import Structures
@testable import Store

/// Optimisation rows and their steps: persisted in one transaction, parent link set, cached by identity.
final class OptimizationStoreTests: XCTestCase {
    private func outcome(converged: Bool = true, cycles: Int = 3) -> OptimizationOutcome {
        var final = StoreFixtures.water
        final.positions[1].y += 0.01
        let steps = (1...cycles).map { k in
            OptimizationStep(cycle: k, energy: k == 2 ? nil : -5.07 - 1e-4 * Double(k), gradientNorm: k == 2 ? nil : 0.1 / Double(k),
                             energyChange: k == 1 ? nil : -1e-4, predictedChange: k == 1 ? nil : -1.2e-4,
                             stepLength: k == 1 ? 0 : 0.1, trustRadius: 0.5, accepted: k != 2,
                             sccIterationLimit: k == 2 ? 1000 : nil, note: k == 2 ? "calculation failed" : nil,
                             wallSeconds: 0.001, positions: k == cycles ? final.positions : StoreFixtures.water.positions)
        }
        return OptimizationOutcome(
            status: converged ? .converged : .maxCycles, structure: final,
            result: StoreFixtures.result(atoms: 3, energy: -5.0703), gradientNorm: 3e-4, cycles: cycles,
            gradientEvaluations: cycles - 1, failedEvaluations: 2, raisedMaxIterations: 1000, steps: steps,
            frozenAtoms: [0], level: .normal, maxCycles: 200, wallSeconds: 0.01,
            notes: ["the SCC did not converge", converged ? "" : "not converged"].filter { !$0.isEmpty })
    }

    private func save(_ store: ResultsStore, _ outcome: OptimizationOutcome,
                      identity: OptimizationIdentity? = nil) throws -> OptimizationRecord {
        let input = StoreFixtures.water
        try store.saveStructure(input, sourceFile: "water.xyz")
        return try store.saveOptimization(
            inputHash: input.contentHash, settings: StoreFixtures.gfn2,
            identity: identity ?? OptimizationIdentity(structure: input, options: .init(frozenAtoms: [0])),
            freezeSpec: "1", outcome: outcome, runID: nil, startedAt: Date(), finishedAt: Date(),
            host: "node01", version: "0.1.0")
    }

    func testMigrationCreatesTheTables() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        XCTAssertTrue(try store.appliedMigrations().contains("v3-optimizations"))
        XCTAssertEqual(try store.optimizations(), [])
    }

    func testOptimizationAndStepsArePersistedWithTheParentLink() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let o = outcome()
        let record = try save(store, o)
        let id = try XCTUnwrap(record.id)
        XCTAssertTrue(record.converged)
        XCTAssertEqual(record.status, "converged")
        XCTAssertEqual(record.cycles, 3)
        XCTAssertEqual(record.gradientEvaluations, 2)
        XCTAssertEqual(record.failedEvaluations, 2)
        XCTAssertEqual(record.raisedMaxIterations, 1000)
        XCTAssertEqual(record.frozenAtoms, [0])
        XCTAssertEqual(record.freezeSpec, "1")
        XCTAssertEqual(record.level, .normal)
        XCTAssertEqual(record.energyHartree, -5.0703)
        XCTAssertEqual(record.inputHash, StoreFixtures.water.contentHash)

        // The optimised structure is a new structure whose parent is the input.
        let output = try XCTUnwrap(try store.structureRecord(hash: record.outputHash))
        XCTAssertEqual(output.parentHash, StoreFixtures.water.contentHash)
        XCTAssertEqual(output.name, "water-opt")
        XCTAssertEqual(try store.structure(hash: record.outputHash)?.positions, o.structure.positions)

        // Every step, in order, bit for bit (the failed one with NULL energy).
        let steps = try store.optimizationSteps(id: id)
        XCTAssertEqual(steps.map(\.cycle), [1, 2, 3])
        XCTAssertEqual(steps.map(\.energyHartree), o.steps.map(\.energy))
        XCTAssertEqual(steps.map(\.gradientNorm), o.steps.map(\.gradientNorm))
        XCTAssertEqual(steps.map(\.step.accepted), [true, false, true])
        XCTAssertEqual(steps[1].step.sccIterationLimit, 1000)
        XCTAssertEqual(steps.map(\.step), o.steps, "each stored cycle reads back as the optimiser's step")
        XCTAssertEqual(steps[2].vectors, o.structure.positions)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testCacheLookupByIdentityAndFirstResultWins() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let identity = OptimizationIdentity(structure: StoreFixtures.water, options: .init(frozenAtoms: [0]))
        let first = try save(store, outcome(), identity: identity)
        let cached = try store.cachedOptimization(inputHash: StoreFixtures.water.contentHash,
                                                  settingsHash: StoreFixtures.gfn2.hash, optionsHash: identity.hash,
                                                  engine: StoreFixtures.engine)
        XCTAssertEqual(cached, first)
        // Same identity again: the stored row is returned, nothing added.
        let again = try save(store, outcome(cycles: 4), identity: identity)
        XCTAssertEqual(again, first)
        XCTAssertEqual(try store.optimizations().count, 1)
        // Another level is another optimisation.
        let tight = OptimizationIdentity(structure: StoreFixtures.water, options: .init(level: .tight, frozenAtoms: [0]))
        XCTAssertNil(try store.cachedOptimization(inputHash: StoreFixtures.water.contentHash,
                                                  settingsHash: StoreFixtures.gfn2.hash, optionsHash: tight.hash,
                                                  engine: StoreFixtures.engine))
        _ = try save(store, outcome(), identity: tight)
        XCTAssertEqual(try store.optimizations().count, 2)
    }

    func testUnconvergedResultIsStoredAndMarked() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let record = try save(store, outcome(converged: false))
        XCTAssertFalse(record.converged)
        XCTAssertEqual(record.status, "max_cycles")
        XCTAssertTrue(record.notes.contains("not converged"))
        XCTAssertEqual(try store.structureRecord(hash: record.outputHash)?.name, "water-opt-unconverged")
    }

    func testInputMustBeSaved() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        XCTAssertThrowsError(try store.saveOptimization(
            inputHash: "absent", settings: StoreFixtures.gfn2,
            identity: OptimizationIdentity(structure: StoreFixtures.water, options: .init()), freezeSpec: "",
            outcome: outcome(), runID: nil, startedAt: Date(), finishedAt: Date(), host: "h", version: "v"))
        XCTAssertEqual(try store.optimizations().count, 0)
    }
}
