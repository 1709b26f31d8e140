import Foundation
import Store
import TestSupport
import XCTest
@testable import Campaign

/// A reaction whose product's optimisation broke its topology is excluded, although the flag sits
/// on the optimisation task and the reaction reads the single point that follows it.
final class ReactionExclusionTests: XCTestCase {
    private func plan() throws -> CampaignPlan {
        let sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        try sandbox.write("h2.xyz", SpecSandbox.hydrogen)
        let spec = try sandbox.parse("""
            [campaign]
            name = "exclusion"

            [[structures]]
            files = "water.xyz"
            task = "opt+sp"

            [[structures]]
            files = "h2.xyz"

            [[reactions]]
            name = "r"
            reactants = { water = 1 }
            products = { water = 1 }
            """)
        return CampaignPlan(spec: spec)
    }

    /// A fresh results database in a test folder.
    private func emptyStore() throws -> ResultsStore {
        try ResultsStore(path: TestFolders.make("exclusion").appendingPathComponent("results.sqlite").path)
    }

    private func doneRows(_ plan: CampaignPlan) -> [TaskRecord] {
        plan.tasks.map { task in
            var row = TaskRecord(campaign: plan.campaign, key: task.key, kind: task.kind.rawValue,
                                 structureName: task.structureName, inputHash: nil, definitionHash: task.definitionHash,
                                 settingsHash: task.settings.hash, predictedSeconds: 1)
            row.state = .done
            return row
        }
    }

    func testABrokenOptimisationExcludesTheReactionOfItsSinglePoint() throws {
        let plan = try plan()
        var rows = doneRows(plan)
        let opt = try XCTUnwrap(plan.tasks.firstIndex { $0.key == "water/opt" })
        rows[opt].flags = [.optimizationNotConverged, .topologyBroken("a proton migrated")]
        let evaluator = ReactionEvaluator(campaign: plan.campaign, store: try emptyStore())
        guard case .excluded(let why) = evaluator.readiness(of: plan.reactions[0], plan: plan, rows: rows) else {
            return XCTFail("the reaction was not excluded")
        }
        XCTAssertTrue(why.contains("water/opt") && why.contains("topology_broken"), why)
    }

    func testAFlagThatIsNotATopologyBreakDoesNotExclude() throws {
        let plan = try plan()
        var rows = doneRows(plan)
        let opt = try XCTUnwrap(plan.tasks.firstIndex { $0.key == "water/opt" })
        rows[opt].flags = [.metalBondsChanged("topology rearranged (flagged)")]
        let evaluator = ReactionEvaluator(campaign: plan.campaign, store: try emptyStore())
        guard case .ready = evaluator.readiness(of: plan.reactions[0], plan: plan, rows: rows) else {
            return XCTFail("a rearranged (not broken) configuration must stay in")
        }
    }
}
