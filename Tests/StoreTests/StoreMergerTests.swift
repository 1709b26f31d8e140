import Foundation
import XCTest
import Engine
@testable import Store

/// `StoreMerger` on hand-made databases: ids remapped, the further-along task row wins, energies
/// beyond the tolerance are conflicts, and a second merge changes nothing.
final class StoreMergerTests: XCTestCase {
    private func task(_ key: String, _ state: TaskState, calculation: Int64? = nil, definition: String = "d1") -> TaskRecord {
        var row = TaskRecord(campaign: "c", key: key, kind: "singlepoint", structureName: key, inputHash: nil,
                             definitionHash: definition, settingsHash: StoreFixtures.gfn2.hash, predictedSeconds: 1)
        row.state = state
        row.calculationID = calculation
        return row
    }

    func testIdsAreRemappedAndTheFurtherAlongTaskWins() throws {
        let a = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let b = try ResultsStore(path: try StoreFixtures.databasePath(self))
        // b has an extra structure first, so its water calculation gets another row id than in the target.
        try StoreFixtures.saveCalculation(b, StoreFixtures.alpha, hash: "alpha", energy: -20)
        let water = try StoreFixtures.saveCalculation(b, StoreFixtures.water, hash: "water")
        _ = try a.syncTasks(campaign: "c", planned: [task("water/sp", .pending), task("alpha/sp", .done, definition: "d1")])
        _ = try b.syncTasks(campaign: "c", planned: [task("water/sp", .done, calculation: water.id),
                                                     task("alpha/sp", .pending)])
        let run = try b.beginRun(command: ["interscreen", "run"], version: "0.1.0", host: "node01")
        try b.saveFailure(source: "bad.xyz", structureHash: nil, settingsHash: nil, failureClass: "truncated_file",
                          message: "bad.xyz:2: truncated", runID: run.id, host: "node01")
        try b.saveReaction(ReactionRecord(campaign: "c", name: "r", status: .done, energyHartree: -1, species: [
            .init(name: "water", coefficient: 1, calculationID: water.id ?? 0, energyHartree: water.energyHartree,
                  settingsHash: water.settingsHash)]))

        let report = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(report.conflicts, [])
        XCTAssertEqual(report.tables["tasks"], .init(added: 0, present: 1, replaced: 1))
        XCTAssertEqual(report.tables["calculations"]?.added, 2)
        let tasks = Dictionary(uniqueKeysWithValues: try a.tasks().map { ($0.key, $0) })
        XCTAssertEqual(tasks["water/sp"]?.state, .done, "done in the source replaces pending")
        XCTAssertEqual(tasks["alpha/sp"]?.state, .done, "pending in the source does not replace done")
        let merged = try XCTUnwrap(try a.cachedCalculation(structureHash: "water", settingsHash: StoreFixtures.gfn2.hash,
                                                                 engine: StoreFixtures.engine))
        XCTAssertEqual(tasks["water/sp"]?.calculationID, merged.id, "the task points to the target's row")
        XCTAssertEqual(merged.energyHartree, water.energyHartree)
        XCTAssertEqual(try a.reactions().first?.species.first?.calculationID, merged.id, "species ids remapped")
        let failure = try XCTUnwrap(try a.failures().first)
        XCTAssertEqual(failure.runID, try a.runs().first?.id)

        let again = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertTrue(again.changedNothing, "\(again.tables)")
        XCTAssertEqual(try a.failures().count, 1)
        XCTAssertEqual(try a.runs().count, 1)
        XCTAssertEqual(try a.integrityCheck(), "ok")
    }

    func testEnergiesBeyondTheToleranceAndOtherDefinitionsAreConflicts() throws {
        let a = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let b = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try StoreFixtures.saveCalculation(a, StoreFixtures.water, hash: "water", energy: -5.0)
        try StoreFixtures.saveCalculation(b, StoreFixtures.water, hash: "water", energy: -5.0 + 5e-9)
        _ = try a.syncTasks(campaign: "c", planned: [task("x", .pending)])
        _ = try b.syncTasks(campaign: "c", planned: [task("x", .done, definition: "d2")])
        let report = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(report.conflicts.map(\.table), ["tasks"], "5e-9 Eh is within the default 1e-8")
        XCTAssertEqual(try a.tasks().first?.state, .pending, "a task from another definition is not taken")

        let strict = try StoreMerger(target: a, tolerance: 1e-9).merge(path: b.path)
        XCTAssertEqual(strict.conflicts.map(\.table), ["calculations", "tasks"])
        XCTAssertEqual(try a.calculations().map(\.energyHartree), [-5.0], "the target's value is kept")
    }

    /// Campaign definitions travel with a merge: a new one is copied, the same one is already there,
    /// and the same campaign defined differently is a conflict that keeps the target's.
    func testCampaignDefinitionsAreCopiedAndDifferencesAreConflicts() throws {
        let a = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let b = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try b.saveCampaignDefinition(campaign: "screen", json: "{\"v\":1}")
        try b.saveCampaignDefinition(campaign: "seed", json: "{\"v\":2}")
        let first = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(first.tables["campaign_definitions"]?.added, 2)
        XCTAssertEqual(try a.campaignDefinitions().map(\.json), ["{\"v\":1}", "{\"v\":2}"])
        XCTAssertEqual(first.notMerged["campaign_definitions"], nil)

        let again = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(again.tables["campaign_definitions"]?.present, 2)
        XCTAssertTrue(again.conflicts.isEmpty)

        try b.saveCampaignDefinition(campaign: "screen", json: "{\"v\":3}")
        let changed = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(changed.conflicts.map(\.table), ["campaign_definitions"])
        XCTAssertEqual(changed.conflicts.first?.identity, "screen")
        XCTAssertEqual(try a.campaignDefinitions().first?.json, "{\"v\":1}", "the target's definition is kept")
    }

    /// Which row answers a retried request travels with the rows: the merged request points at the
    /// target's calculation id, and merging again adds nothing.
    func testWorkRequestsFollowTheirRemappedCalculation() throws {
        let a = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let b = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try StoreFixtures.saveCalculation(a, StoreFixtures.alpha, hash: "alpha-of-a", energy: -30)
        try StoreFixtures.saveCalculation(b, StoreFixtures.alpha, hash: "alpha", energy: -20)
        let water = try StoreFixtures.saveCalculation(b, StoreFixtures.water, hash: "water")
        let requested = Settings(method: .gfn2, maxIterations: 5)
        try b.write { transaction in
            try transaction.saveWorkRequest(WorkRequestRecord(
                kind: .singlepoint, structureHash: "water", requestedSettingsHash: requested.hash, optionsHash: "",
                engine: water.engine, usedSettingsHash: water.settingsHash, calculationID: water.id, optimizationID: nil,
                flags: [.sccRetryMoreIterations], attempts: 2), requestedSettings: requested)
        }
        let report = try StoreMerger(target: a).merge(path: b.path)
        XCTAssertEqual(report.tables["work_requests"]?.added, 1)
        XCTAssertEqual(report.notMerged, [:])
        let merged = try XCTUnwrap(try a.cachedCalculation(structureHash: "water", settingsHash: StoreFixtures.gfn2.hash,
                                                           engine: StoreFixtures.engine))
        XCTAssertNotEqual(merged.id, water.id, "the target numbers its rows itself")
        let request = try XCTUnwrap(try a.workRequest(kind: .singlepoint, structureHash: "water",
                                                      requestedSettingsHash: requested.hash, engine: StoreFixtures.engine))
        XCTAssertEqual(request.calculationID, merged.id)
        XCTAssertEqual(request.flags, [.sccRetryMoreIterations])
        XCTAssertTrue(try StoreMerger(target: a).merge(path: b.path).changedNothing)
    }
}
