import Foundation
import XCTest
import Engine
@testable import Campaign
import Work

/// `engine = "auto" | "xtb" | "tblite"` in a job spec: read in [defaults] and per structure,
/// carried by the plan's tasks to the worker's calculator.
final class EngineSpecTests: XCTestCase {
    private var sandbox: SpecSandbox!

    override func setUpWithError() throws {
        sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        try sandbox.write("H2.xyz", SpecSandbox.hydrogen)
    }

    private func spec(defaults: String, override: String) -> String {
        SpecSandbox.waterAndHydrogen(campaign: "engines", defaults: defaults, hydrogen: override)
    }

    func testDefaultsAndOverridesReachEveryTask() throws {
        let parsed = try sandbox.parse(spec(defaults: "engine = \"tblite\"", override: "engine = \"xtb\""))
        XCTAssertEqual(parsed.defaults.engine, .tblite)
        XCTAssertEqual(parsed.structures.map(\.method.engine), [.tblite, .xtb])
        let plan = CampaignPlan(spec: parsed)
        XCTAssertEqual(plan.tasks.map(\.key), ["water/opt", "water/sp", "H2/sp"])
        XCTAssertEqual(plan.tasks.map(\.engine), [.tblite, .tblite, .xtb])
    }

    func testWithoutTheKeyTasksAreAutoAndKeepTheirDefinitionHash() throws {
        let plain = CampaignPlan(spec: try sandbox.parse(spec(defaults: "etemp = 300", override: "")))
        let auto = CampaignPlan(spec: try sandbox.parse(spec(defaults: "engine = \"auto\"", override: "")))
        let xtb = CampaignPlan(spec: try sandbox.parse(spec(defaults: "engine = \"xtb\"", override: "")))
        XCTAssertEqual(plain.tasks.map(\.engine), [.auto, .auto, .auto])
        // Campaigns written before the key existed are not restarted by it.
        XCTAssertEqual(plain.tasks.map(\.definitionHash), auto.tasks.map(\.definitionHash))
        // Naming an engine is another definition: a rerun with it computes afresh.
        for (a, b) in zip(auto.tasks, xtb.tasks) { XCTAssertNotEqual(a.definitionHash, b.definitionHash, a.key) }
    }

    func testAnUnknownEngineIsRejectedAtItsLine() throws {
        try sandbox.assertOneProblem(spec(defaults: "", override: "engine = \"dftb+\""), line: 15,
                                     contains: "`engine` must be one of \"auto\", \"xtb\", \"tblite\"")
    }

    /// The worker computes each order with the engine it names (real libxtb and tblite).
    func testTheExecutorComputesWithTheOrdersEngine() throws {
        let executor = TaskExecutor(calculator: CalculatorRouter(xtb: try XTBCalculator()), host: "test")
        let water = try sandbox.parse(spec(defaults: "", override: "")).structures[0].structure
        func run(_ engine: EngineChoice) -> WorkReport {
            executor.execute(TaskOrder(id: 0, key: "water/sp", kind: .singlePoint, structure: water,
                                       settings: Settings(), engine: engine)).report
        }
        let (auto, xtb, tblite) = (run(.auto), run(.xtb), run(.tblite))
        XCTAssertNil(tblite.failureClass, tblite.message ?? "")
        XCTAssertEqual(auto.result?.engine, XTBCalculator.engineVersion)
        XCTAssertEqual(xtb.result?.engine, XTBCalculator.engineVersion)
        XCTAssertTrue(tblite.result?.engine.hasPrefix("tblite 0.8.0") == true, tblite.result?.engine ?? "")
        let (a, b) = (try XCTUnwrap(xtb.result?.energy), try XCTUnwrap(tblite.result?.energy))
        XCTAssertEqual(a, b, accuracy: 1e-6)
        // A worker that has libxtb only refuses a tblite order instead of computing it with libxtb.
        let libxtbOnly = TaskExecutor(calculator: try XTBCalculator(), host: "test")
        let refused = libxtbOnly.execute(TaskOrder(id: 1, key: "water/sp", kind: .singlePoint, structure: water,
                                                   settings: Settings(), engine: .tblite)).report
        XCTAssertEqual(refused.failureClass?.rawValue, EngineError.Kind.unsupported.rawValue, refused.message ?? "")
    }
}
