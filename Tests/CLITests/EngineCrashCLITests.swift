import Foundation
import Processes
import Store
import XCTest

/// The engine dies by SIGSEGV inside one task (the engine helper's test-only hook,
/// `INTERSCREEN_TEST_ENGINE_SEGV`): that task alone is blamed, every other task finishes.
final class EngineCrashCLITests: XCTestCase {
    /// A task used by no reaction, so that its loss blocks nothing else.
    private let victim = "imidazolium/sp"

    func testSegfaultInOneTaskUnderMPIQuarantinesThatTaskAlone() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let spec = try fixture.writeSpec(extraStructures: try fixture.perturbedCopies(6))
        let db = cli.path("segv.sqlite")
        let arguments = ["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec, "--db", db]
        let hook = ["INTERSCREEN_TEST_ENGINE_SEGV": victim]
        let run = try cli.run(arguments, executable: CampaignCLITests.mpirun, environment: hook)
        XCTAssertEqual(run.status, 1, "documented: finished, some tasks failed\n" + run.stdout + run.stderr)

        let store = try ResultsStore(path: db)
        let tasks = try store.tasks()
        let crashed = try XCTUnwrap(tasks.first { $0.key == victim })
        XCTAssertEqual(crashed.state, .quarantined)
        XCTAssertEqual(crashed.failureClass, "crashed")
        XCTAssertEqual(crashed.crashes, 2, "crashed, ran again, crashed again")
        XCTAssertTrue(crashed.message?.contains("SIGSEGV") == true, crashed.message ?? "")
        for task in tasks where task.key != victim {
            XCTAssertEqual(task.state, .done, task.key)
            XCTAssertEqual(task.crashes, 0, task.key)
        }
        let failures = try store.failures().filter { $0.source == victim }
        XCTAssertEqual(failures.map(\.failureClass), ["crashed", "crashed"])
        XCTAssertEqual(try store.calculations().count, tasks.count - 1)
        XCTAssertEqual(Set(try store.reactions().map(\.status)), [.done], "no reaction needs the victim")
        XCTAssertEqual(try store.integrityCheck(), "ok")

        // Resumed: the quarantined task is not run again, and the run still says something failed.
        let again = try cli.run(arguments, executable: CampaignCLITests.mpirun, environment: hook)
        XCTAssertEqual(again.status, 1, again.stdout + again.stderr)
        XCTAssertEqual(try store.tasks().first { $0.key == victim }?.crashes, 2)
        XCTAssertEqual(try store.failures().filter { $0.source == victim }.count, 2)
    }

    /// One crash (a flaky one): counted, the task runs again at once and succeeds; the run is clean.
    func testSingleCrashIsCountedAndTheTaskRunsAgain() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let db = cli.path("once.sqlite")
        let marker = cli.path("crashed-once")
        let run = try cli.run(["run", spec, "--db", db],
                              environment: ["INTERSCREEN_TEST_ENGINE_SEGV": victim, "INTERSCREEN_TEST_ENGINE_SEGV_ONCE": marker])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "the hook crashed the engine once")
        let store = try ResultsStore(path: db)
        let task = try XCTUnwrap(try store.tasks().first { $0.key == victim })
        XCTAssertEqual(task.state, .done)
        XCTAssertEqual(task.crashes, 1)
        XCTAssertEqual(try store.failures().filter { $0.source == victim }.map(\.failureClass), ["crashed"])
        XCTAssertTrue(try store.tasks().allSatisfy { $0.state == .done })
    }

    /// `--isolation in-process` (no helper) computes the same energies as the isolated default.
    func testInProcessEngineGivesTheSameResults() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        var energies: [[String: Double]] = []
        for engine in ["isolated", "in-process"] {
            let db = cli.path("\(engine).sqlite")
            let run = try cli.run(["run", spec, "--db", db, "--isolation", engine])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            let store = try ResultsStore(path: db)
            let byID = Dictionary(uniqueKeysWithValues: try store.calculations().map { ($0.id ?? 0, $0.energyHartree) })
            energies.append(Dictionary(uniqueKeysWithValues: try store.tasks().map { ($0.key, byID[$0.calculationID ?? -1] ?? .nan) }))
            XCTAssertEqual(try store.run(id: 1)?.engineIsolation, engine)
        }
        XCTAssertEqual(energies[0].count, CampaignFixture.fragments.count)
        XCTAssertEqual(energies[0], energies[1])
        XCTAssertEqual(try cli.run(["run", spec, "--isolation", "elsewhere"]).status, 64)
    }
}
