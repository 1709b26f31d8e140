import Foundation
import Processes
import Store
import TestSupport
import XCTest

/// Faults during a campaign: kill -9 of the whole MPI job, and SIGTERM from a batch scheduler.
/// Every fault lands at an event observed in the database, never after a fixed sleep.
final class CampaignFaultTests: XCTestCase {
    /// The whole MPI job (mpirun, every rank, every engine helper) killed with SIGKILL three times,
    /// each time once a seeded number of further results is stored, then resumed: the same results
    /// as an uninterrupted run, nothing lost or duplicated, and no task blamed for the kills.
    func testKill9OfWholeMPIJobThreeTimesThenResumeBlamesNoTask() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let spec = try fixture.writeSpec(extraStructures: try fixture.perturbedCopies(60))
        let reference = try cli.run(["run", spec, "--db", cli.path("reference.sqlite")])
        XCTAssertEqual(reference.status, 0, reference.stderr)

        var random = SeededGenerator.forTest(#function, seed: 20_260_611)
        let db = cli.path("killed.sqlite")
        let arguments = ["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec, "--db", db]
        var leftRunning = 0
        for kill in 1...3 {
            var command = try cli.command(executable: CampaignCLITests.mpirun, arguments: arguments)
            command.standardOutput = .null
            command.standardError = .null
            let stored = (try? ResultsStore(path: db).calculations().count) ?? 0
            let target = stored + Int.random(in: 2...8, using: &random)
            let job = try ChildProcess(command)
            defer { job.terminate() }
            let before = try JobControl.waitFor("\(target) results (kill \(kill))", db: db, job: job) { store in
                let calculations = try store.calculations()
                return calculations.count >= target ? calculations : nil
            }
            JobControl.killTree(job)   // the scheduler's kill: every process of the job at once

            let store = try ResultsStore(path: db)
            XCTAssertEqual(try store.integrityCheck(), "ok", "kill \(kill)")
            let survived = Dictionary(uniqueKeysWithValues: try store.calculations().map { ($0.id ?? 0, $0.energyHartree) })
            for calculation in before {
                XCTAssertEqual(survived[calculation.id ?? 0], calculation.energyHartree, "kill \(kill) lost \(calculation.id ?? 0)")
            }
            leftRunning += try store.tasks().filter { $0.state == .running }.count
        }
        XCTAssertGreaterThan(leftRunning, 0, "the kills left no task running: the case under test never happened")

        let rerun = try cli.run(arguments, executable: CampaignCLITests.mpirun)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        try assertSameOutcome(db: db, reference: cli.path("reference.sqlite"))
        let tasks = try ResultsStore(path: db).tasks()
        XCTAssertEqual(tasks.filter { $0.state == .quarantined }.map(\.key), [])
        XCTAssertEqual(tasks.filter { $0.crashes > 0 }.map(\.key), [], "a killed job is no task's crash")
    }

    /// SIGTERM while two tasks are certainly running (held by the engine helper's test-only hook
    /// until the signal is sent): the run drains, commits, exits 3, and the resume completes it.
    func testSIGTERMDrainsCommitsAndResumes() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let spec = try fixture.writeSpec(extraStructures: try fixture.perturbedCopies(20))
        XCTAssertEqual(try cli.run(["run", spec, "--db", cli.path("reference.sqlite")]).status, 0)
        for underMPI in [false, true] {
            let db = cli.path("term-\(underMPI).sqlite")
            let release = cli.path("release-\(underMPI)")
            // The largest structures go first (longest predicted): one held task per worker.
            let held = underMPI ? ["zn-0/sp", "zn-1/sp"] : ["zn-0/sp"]
            let arguments = ["run", spec, "--db", db, "--grace", "30"]
            var command = underMPI
                ? try cli.command(executable: CampaignCLITests.mpirun,
                              arguments: ["-n", "3", "--oversubscribe", CLIHarness.binary.path] + arguments,
                              environment: hold(held, release: release))
                : cli.command(arguments: arguments, environment: hold(held, release: release))
            let errURL = URL(fileURLWithPath: cli.path("term-\(underMPI).err"))
            command.standardOutput = .null
            command.standardError = .file(errURL.path)
            let job = try ChildProcess(command)
            defer { job.terminate() }
            do {
                _ = try JobControl.waitFor("\(held) running", db: db, job: job) { store in
                    try store.tasks().filter { held.contains($0.key) && $0.state == .running }.count == held.count ? true : nil
                }
            } catch {
                XCTFail("\(error); mpi \(underMPI); stderr: \((try? String(contentsOf: errURL, encoding: .utf8)) ?? "")")
                return
            }
            job.signal(SIGTERM)
            // Under mpirun, release the held tasks only once rank 0 has taken the stop (it puts the
            // running tasks back to pending at once): released earlier, the whole small campaign
            // could finish before the stop reached rank 0, and nothing would be left to resume.
            // Alone, the one process is inside the held task and takes the stop after it.
            if underMPI {
                _ = try? JobControl.waitFor("the stop taken", db: db, job: job) { store in
                    try store.tasks().filter { held.contains($0.key) && $0.state == .pending }.count == held.count ? true : nil
                }
            }
            FileManager.default.createFile(atPath: release, contents: Data())
            let ended = job.wait(timeout: .seconds(300))
            let stderr = try String(contentsOf: errURL, encoding: .utf8)
            XCTAssertNotNil(ended, "no exit within 300 s of SIGTERM: \(stderr)")
            // Alone: 3 (stopped by a signal). Under mpirun, which ends its ranks a second after
            // passing SIGTERM on, whatever status mpirun reports, never 0.
            if underMPI { XCTAssertNotEqual(ended, .exited(0), stderr) } else { XCTAssertEqual(ended, .exited(3), stderr) }
            XCTAssertTrue(stderr.contains("resume with: interscreen run"), stderr)
            let store = try ResultsStore(path: db)
            XCTAssertEqual(try store.integrityCheck(), "ok")
            XCTAssertFalse(try store.tasks().contains { $0.state == .running }, "drained: nothing left running")
            XCTAssertTrue(try store.tasks().contains { $0.state == .pending }, "stopped before the end")
            XCTAssertEqual(try cli.run(arguments).status, 0)
            try assertSameOutcome(db: db, reference: cli.path("reference.sqlite"))
        }
    }

    /// The engine helper's test-only hold: `keys` wait at their start until `release` exists.
    private func hold(_ keys: [String], release: String) -> [String: String] {
        ["INTERSCREEN_TEST_ENGINE_HOLD": keys.joined(separator: ","), "INTERSCREEN_TEST_ENGINE_RELEASE": release]
    }

    /// `kill -TERM <mpirun>` (a user's kill, or a scheduler that signals only the launcher): Open MPI
    /// passes SIGTERM to the ranks and kills them about a second later, long before a running
    /// optimisation ends. Rank 0 records the running tasks as interrupted as soon as it sees the
    /// stop, so the database holds no task "running" that the next run would count as a crash.
    func testSIGTERMToMPIRunLeavesNoTaskRunning() throws {
        let cli = try CLIHarness()
        let product = ProgressCLITests.product
        let spec = try CampaignFixture(cli: cli).writeSpec(
            extraStructures: ["[[structures]]\nname = \"product\"\nfiles = \"\(product)\"\ntask = \"opt+sp\"\n"])
        let db = cli.path("launcher.sqlite")
        var command = try cli.command(executable: CampaignCLITests.mpirun,
                                  arguments: ["-n", "2", "--oversubscribe", CLIHarness.binary.path, "run", spec,
                                              "--db", db, "--grace", "600"])
        command.standardOutput = .null
        command.standardError = .null
        let job = try ChildProcess(command)
        defer { job.terminate() }
        // The optimisation is dispatched first (longest predicted) and runs for minutes.
        let running = try JobControl.waitFor("the optimisation running", db: db, job: job) { store in
            try store.tasks().contains { $0.kind == "optimization" && $0.state == .running } ? true : nil
        }
        XCTAssertTrue(running)
        job.signal(SIGTERM)   // mpirun alone, not its process group
        XCTAssertNotNil(job.wait(timeout: .seconds(120)), "mpirun outlived its SIGTERM")
        let store = try ResultsStore(path: db)
        let tasks = try store.tasks()
        XCTAssertFalse(tasks.contains { $0.state == .running }, "\(tasks.map { ($0.key, $0.state) })")
        let optimization = try XCTUnwrap(tasks.first { $0.kind == "optimization" })
        XCTAssertEqual(optimization.state, .pending)
        XCTAssertEqual(optimization.crashes, 0)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        // The next run starts it again from scratch: nothing counted against it.
        XCTAssertEqual(try store.recoverCrashedTasks(campaign: "job").count, 0)
    }

    // MARK: helpers

    /// Every task done once, one calculation per task, reactions equal to the reference run.
    private func assertSameOutcome(db: String, reference: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try ResultsStore(path: db)
        let tasks = try store.tasks()
        XCTAssertTrue(tasks.allSatisfy { $0.state == .done }, file: file, line: line)
        XCTAssertEqual(try store.calculations().count, tasks.count, "duplicated or missing results", file: file, line: line)
        let ours = try store.reactions().sorted { $0.name < $1.name }
        let theirs = try ResultsStore(path: reference).reactions().sorted { $0.name < $1.name }
        XCTAssertEqual(ours.map(\.name), theirs.map(\.name), file: file, line: line)
        XCTAssertEqual(ours.map(\.energyHartree), theirs.map(\.energyHartree), file: file, line: line)
        XCTAssertEqual(try Self.energiesByTask(store), try Self.energiesByTask(ResultsStore(path: reference)),
                       "results differ from the uninterrupted run", file: file, line: line)
        XCTAssertEqual(try store.integrityCheck(), "ok", file: file, line: line)
    }
}

extension CampaignFaultTests {
    /// Each task's energy, by task key.
    static func energiesByTask(_ store: ResultsStore) throws -> [String: Double] {
        let byID = Dictionary(uniqueKeysWithValues: try store.calculations().map { ($0.id ?? 0, $0.energyHartree) })
        return Dictionary(uniqueKeysWithValues: try store.tasks().map { ($0.key, byID[$0.calculationID ?? -1] ?? .nan) })
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
