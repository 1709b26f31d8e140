import Foundation
import XCTest
import Engine
@testable import Campaign
import Optimization
import Structures
import Work

/// `max_cycles` in a job spec: read in [defaults] and per structure, part of an optimisation
/// task's definition only when written, and the cap the worker's optimiser stops at.
final class MaxCyclesSpecTests: XCTestCase {
    private var sandbox: SpecSandbox!

    /// Water with one O–H bond stretched to 1.20 Å: several cycles from converged at any level.
    private static let stretchedWater = """
        3
        charge=0 multiplicity=1
        O   0.0000   0.0000   0.1173
        H   0.0000   1.0000  -0.5600
        H   0.0000  -0.7572  -0.4692

        """

    override func setUpWithError() throws {
        sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", Self.stretchedWater)
        try sandbox.write("H2.xyz", SpecSandbox.hydrogen)
    }

    /// H2 is optimised too, with `override` as its last line (line 16).
    private func spec(defaults: String, override: String) -> String {
        SpecSandbox.waterAndHydrogen(campaign: "cycles", defaults: defaults, hydrogen: "task = \"opt+sp\"\n" + override)
    }

    func testDefaultsAndOverridesReachTheOptimisationsOnly() throws {
        let parsed = try sandbox.parse(spec(defaults: "max_cycles = 800", override: "max_cycles = 5"))
        XCTAssertEqual(parsed.defaults.maxCycles, 800)
        XCTAssertEqual(parsed.structures.map(\.method.maxCycles), [800, 5])
        let plan = CampaignPlan(spec: parsed)
        XCTAssertEqual(plan.tasks.map(\.key), ["water/opt", "water/sp", "H2/opt", "H2/sp"])
        XCTAssertEqual(plan.tasks.map(\.maxCycles), [800, nil, 5, nil])
    }

    func testAnEstimateCountsNoMoreGradientsThanTheCapAllows() throws {
        // Water, 3 atoms: the model counts 2·max(N, 5) = 10 gradients per optimisation.
        let plain = CampaignPlan(spec: try sandbox.parse(spec(defaults: "", override: "")))
        let capped = CampaignPlan(spec: try sandbox.parse(spec(defaults: "max_cycles = 2", override: "max_cycles = 50")))
        let perGradient = plain.tasks[1].predictedSeconds
        XCTAssertEqual(plain.tasks[0].predictedSeconds / perGradient, 10, accuracy: 1e-9)
        XCTAssertEqual(capped.tasks[0].predictedSeconds / perGradient, 2, accuracy: 1e-9, "capped below 10")
        XCTAssertEqual(capped.tasks[2].predictedSeconds, plain.tasks[2].predictedSeconds, "a cap above 10 changes nothing")
        XCTAssertEqual(capped.tasks[1].predictedSeconds, perGradient, "single points have no cap")
    }

    func testWithoutTheKeyTasksKeepTheirDefinitionHash() throws {
        let plain = CampaignPlan(spec: try sandbox.parse(spec(defaults: "etemp = 300", override: "")))
        let capped = CampaignPlan(spec: try sandbox.parse(spec(defaults: "", override: "max_cycles = 800")))
        // Campaigns written before the key existed are not restarted by it: the hash is still the one
        // of the definition text as it was written then.
        let water = plain.tasks[0]
        let before = ["task-v1", "optimization", "water/opt", "input=\(try XCTUnwrap(water.input).contentHash)",
                      "settings=\(water.settings.hash)", "level=normal", "freeze=-"].joined(separator: "\n")
        XCTAssertEqual(water.definitionHash, SHA256.hex(of: before))
        XCTAssertEqual(plain.tasks[0].definitionHash, capped.tasks[0].definitionHash, "water has no cap in either")
        // A cap is another definition: H2's optimisation, and the single point after it, compute afresh.
        XCTAssertNotEqual(plain.tasks[2].definitionHash, capped.tasks[2].definitionHash)
        XCTAssertNotEqual(plain.tasks[3].definitionHash, capped.tasks[3].definitionHash)
    }

    func testACapBelowOneIsRejectedAtItsLine() throws {
        try sandbox.assertOneProblem(spec(defaults: "", override: "max_cycles = 0"), line: 16,
                                     contains: "`max_cycles` must be at least 1, not 0")
    }

    /// The worker's optimiser stops at the order's cap and records it (real libxtb); without a cap
    /// the same optimisation runs on to convergence under xtb's default for the level.
    func testTheWorkerStopsAtTheOrdersCap() throws {
        let executor = TaskExecutor(calculator: try XTBCalculator(), host: "test")
        let parsed = try sandbox.parse(spec(defaults: "max_cycles = 2", override: ""))
        let orders = CampaignPlan(spec: parsed).tasks.filter { $0.kind == .optimization }
            .map { TaskOrder($0, input: try! XCTUnwrap($0.input)) }
        let capped = try XCTUnwrap(executor.execute(orders[0]).report.optimization?.outcome)
        XCTAssertEqual(capped.status, .maxCycles)
        XCTAssertEqual(capped.maxCycles, 2)
        XCTAssertEqual(capped.cycles, 2)
        var free = orders[0]
        free.maxCycles = nil
        let open = try XCTUnwrap(executor.execute(free).report.optimization?.outcome)
        XCTAssertEqual(open.status, .converged)
        XCTAssertGreaterThan(open.cycles, 2)
        XCTAssertEqual(open.maxCycles, ConvergenceLevel.normal.maxCycles(atoms: 3))
    }
}
