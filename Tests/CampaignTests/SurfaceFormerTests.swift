import Foundation
import Store
import XCTest
@testable import Campaign

/// `SurfaceFormer` without computing: when it forms a surface (all of its tasks planned and
/// settled) and what a row says when tasks failed.
final class SurfaceFormerTests: XCTestCase {
    /// A surface forms only where all of its tasks are planned: a shard holding part of them leaves
    /// it to the merged database (instead of storing a γ from missing energies).
    func testAShardWithPartOfASurfaceLeavesItToTheMerge() throws {
        let sandbox = try SpecSandbox()
        let spec = try sandbox.parse(SurfaceSpecTests.valid)
        let store = try ResultsStore(path: (sandbox.directory as NSString).appendingPathComponent("s.sqlite"))
        func pending(_ plan: CampaignPlan) -> [TaskRecord] {
            plan.tasks.map { TaskRecord(campaign: "surf", key: $0.key, kind: $0.kind.rawValue, structureName: $0.structureName,
                                        inputHash: nil, definitionHash: $0.definitionHash, settingsHash: $0.settings.hash,
                                        predictedSeconds: $0.predictedSeconds) }
        }
        let former = SurfaceFormer(campaign: "surf", store: store)
        let full = CampaignPlan(spec: spec)
        XCTAssertEqual(try former.form(full.surfaces, finalTask: full.finalTask, rows: pending(full)), ["NaCl-001"])
        let part = CampaignPlan(spec: try CampaignShard(parsing: "1/2").select(spec))
        XCTAssertLessThan(part.tasks.count, full.tasks.count)
        XCTAssertEqual(try former.form(part.surfaces, finalTask: part.finalTask, rows: pending(part)), [])
        XCTAssertEqual(try store.campaignSurfaceEnergies(), [])
    }

    /// Failed tasks: the rows are still written, γ "n/a", the notes say which task failed and why.
    func testFailedTasksGiveRowsWithoutGammaThatSayWhy() throws {
        let sandbox = try SpecSandbox()
        let plan = CampaignPlan(spec: try sandbox.parse(SurfaceSpecTests.valid))
        let store = try ResultsStore(path: (sandbox.directory as NSString).appendingPathComponent("f.sqlite"))
        let rows = plan.tasks.map { t -> TaskRecord in
            var row = TaskRecord(campaign: "surf", key: t.key, kind: t.kind.rawValue, structureName: t.structureName,
                                 inputHash: nil, definitionHash: t.definitionHash, settingsHash: t.settings.hash,
                                 predictedSeconds: t.predictedSeconds)
            row.state = .failed
            row.message = "SCC did not converge"
            return row
        }
        XCTAssertEqual(try SurfaceFormer(campaign: "surf", store: store).form(plan.surfaces, finalTask: plan.finalTask,
                                                                              rows: rows), [])
        let stored = try store.campaignSurfaceEnergies(campaign: "surf")
        XCTAssertEqual(stored.map(\.vacuum), [10, 12])
        XCTAssertEqual(stored.map(\.surfaceEnergyJM2), [nil, nil])
        XCTAssertEqual(stored.map(\.converged), [false, false])
        XCTAssertTrue(stored[0].notes.contains("NaCl-001/bulk-oriented-1x1x2/sp is failed: SCC did not converge"),
                      stored[0].notes)
        XCTAssertEqual(stored.map(\.calculationIDList), [[], []])
    }
}
