import Foundation
import XCTest
import Engine
import Structures
@testable import Store

final class CalculationStoreTests: XCTestCase {
    func testSaveThenCacheHitIsBitExact() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let run = try store.beginRun(command: ["interscreen", "sp"], version: "0.1.0", host: "node01")
        let settings = StoreFixtures.gfn2
        XCTAssertNil(try store.cachedCalculation(structureHash: "h", settingsHash: settings.hash, engine: StoreFixtures.engine))

        let saved = try StoreFixtures.saveCalculation(store, StoreFixtures.alpha, hash: "h",
                                                      energy: -0.1 - 0.2, runID: run.id)
        let hit = try XCTUnwrap(try store.cachedCalculation(structureHash: "h", settingsHash: settings.hash, engine: StoreFixtures.engine))
        XCTAssertEqual(hit, saved)
        let expected = StoreFixtures.result(atoms: StoreFixtures.alpha.count, energy: -0.1 - 0.2)
        XCTAssertEqual(hit.energyHartree.bitPattern, expected.energy.bitPattern)
        XCTAssertEqual(hit.gradient.flatMap { $0 }.map(\.bitPattern), expected.gradient.flatMap { $0 }.map(\.bitPattern))
        XCTAssertEqual(hit.charges?.map(\.bitPattern), expected.charges?.map(\.bitPattern))
        XCTAssertEqual(hit.gradientNorm.bitPattern, expected.gradientNorm.bitPattern)
        XCTAssertEqual(hit.result, expected)
        XCTAssertEqual(hit.settingsHash, settings.hash)
        XCTAssertEqual(hit.method, "gfn2")
        XCTAssertEqual(hit.kind, .singlepoint)
        XCTAssertEqual(hit.runID, run.id)
        XCTAssertNil(hit.sccIterations)
        XCTAssertEqual(try store.settings(hash: settings.hash), settings)   // saved with the calculation
        // Other settings are a cache miss.
        XCTAssertNil(try store.cachedCalculation(structureHash: "h", settingsHash: Settings(method: .gfn1).hash,
                                                engine: StoreFixtures.engine))
    }

    func testSavingTheSameCalculationTwiceKeepsTheFirst() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let first = try StoreFixtures.saveCalculation(store, StoreFixtures.water, hash: "h", energy: -5.0)
        let second = try StoreFixtures.saveCalculation(store, StoreFixtures.water, hash: "h", energy: -6.0)
        XCTAssertEqual(second, first)
        XCTAssertEqual(second.energyHartree, -5.0)
        XCTAssertEqual(try store.counts().calculations, 1)
        // A different method is a different calculation.
        try store.saveCalculation(structureHash: "h", settings: Settings(method: .gfn1),
                                  result: StoreFixtures.result(atoms: 3), runID: nil, startedAt: Date(),
                                  finishedAt: Date(), host: "node01", version: "0.1.0")
        XCTAssertEqual(try store.counts().calculations, 2)
        XCTAssertEqual(try store.counts().settings, 2)
    }

    func testCalculationOfAnUnknownStructureIsRefused() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        XCTAssertThrowsError(try store.saveCalculation(
            structureHash: "nope", settings: StoreFixtures.gfn2, result: StoreFixtures.result(atoms: 3),
            runID: nil, startedAt: Date(), finishedAt: Date(), host: "h", version: "0.1.0")) { error in
            XCTAssertEqual(error as? StoreError, .unknownStructure(hash: "nope"))
        }
        XCTAssertEqual(try store.counts().calculations, 0)
    }

    func testFailuresKeepClassAndMessage() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let run = try store.beginRun(command: ["interscreen"], version: "0.1.0", host: "node01")
        try store.saveStructure(StoreFixtures.water, hash: "h", sourceFile: "w.xyz")
        try store.saveFailure(source: "bad.xyz", structureHash: nil, settingsHash: nil,
                              failureClass: StructureError.Kind.unknownElement.rawValue,
                              message: "bad.xyz:3: unknown element \"Xx\"", runID: run.id, host: "node01")
        try store.saveFailure(source: "w.xyz", structureHash: "h", settingsHash: StoreFixtures.gfn2.hash,
                              failureClass: EngineError.Kind.sccNotConverged.rawValue,
                              message: "SCC did not converge in 250 iterations", runID: run.id, host: "node02")
        let rows = try store.failureRows()
        XCTAssertEqual(rows.map(\.failure.failureClass), ["unknown_element", "scc_not_converged"])
        XCTAssertEqual(rows[0].failure.message, "bad.xyz:3: unknown element \"Xx\"")
        XCTAssertNil(rows[0].structure)
        XCTAssertEqual(rows[1].structure?.name, "water")
        XCTAssertNil(rows[1].settings)   // settings were never stored: the failure still is
        XCTAssertEqual(rows[1].failure.host, "node02")
        XCTAssertEqual(rows[1].failure.runID, run.id)
        let fromError = try store.saveFailure(
            source: "x.xyz", structureHash: nil, settingsHash: nil,
            error: StructureError(.atomsTooClose, file: "x.xyz", atom: 2, "atoms 1 and 2 are 0.1 Å apart"),
            runID: run.id, host: "node01")
        XCTAssertEqual(fromError.failureClass, "atoms_too_close")
        XCTAssertEqual(fromError.message, "x.xyz (atom 2): atoms 1 and 2 are 0.1 Å apart")
        XCTAssertEqual(FailureClass.classify(CocoaError(.fileNoSuchFile)).failureClass.rawValue, "internal")
        XCTAssertEqual(try store.failures(), try store.failureRows().map(\.failure))
        let counts = try store.counts()
        XCTAssertEqual(counts.failures, 3)
        XCTAssertEqual(counts.failuresByClass, ["unknown_element": 1, "scc_not_converged": 1, "atoms_too_close": 1])
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testCalculationRowsJoinStructureAndSettings() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try StoreFixtures.saveCalculation(store, StoreFixtures.water, hash: "h-water")
        try StoreFixtures.saveCalculation(store, StoreFixtures.alpha, hash: "h-alpha")
        let rows = try store.calculationRows()
        XCTAssertEqual(rows.map(\.structure.name), ["water", "alpha-CsPbI3"])
        XCTAssertEqual(rows.map(\.calculation.structureHash), ["h-water", "h-alpha"])
        XCTAssertEqual(rows.map(\.settings.hash), [StoreFixtures.gfn2.hash, StoreFixtures.gfn2.hash])
        XCTAssertEqual(try store.snapshot().calculations, rows)
        XCTAssertEqual(try store.calculations(), rows.map(\.calculation))
    }
}
