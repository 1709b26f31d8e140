import Foundation
import Processes
import Store
import XCTest

/// Faults during a campaign: kill -9 of the whole MPI job, and SIGTERM from a batch scheduler.
final class CampaignFaultTests: XCTestCase {
    func testKill9OfWholeMPIJobThenRerunLosesAndDuplicatesNothing() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let spec = try fixture.writeSpec(extraStructures: try fixture.perturbedCopies(100))
        let reference = try cli.run(["run", spec, "--db", cli.path("reference.sqlite")])
        XCTAssertEqual(reference.status, 0, reference.stderr)

        let db = cli.path("killed.sqlite")
        var command = try cli.command(executable: CampaignCLITests.mpirun,
                                  arguments: ["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec, "--db", db])
        command.standardOutput = .null
        command.standardError = .null
        let job = try ChildProcess(command)
        defer { job.terminate() }
        let killAfter = Int.random(in: 3...15)
        let before = try waitForCalculations(db: db, atLeast: killAfter, while: job)
        // The scheduler's kill: every process of the job at once (mpirun and all ranks).
        try Self.killAll(matching: spec)
        XCTAssertNotNil(job.wait(timeout: .seconds(60)), "mpirun outlived kill -9 of its job")

        let store = try ResultsStore(path: db)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let survived = try store.calculations()
        for calc in before {
            XCTAssertEqual(survived.first { $0.id == calc.id }?.energyHartree, calc.energyHartree, "lost \(calc.id ?? 0)")
        }
        let rerun = try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec, "--db", db],
                                executable: CampaignCLITests.mpirun)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        try assertSameOutcome(db: db, reference: cli.path("reference.sqlite"))
    }

    func testSIGTERMDrainsCommitsAndResumes() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        // Enough tasks that the signal lands mid-run on a fast machine too: 30 were done in 1.3 s on CI.
        let spec = try fixture.writeSpec(extraStructures: try fixture.perturbedCopies(150))
        XCTAssertEqual(try cli.run(["run", spec, "--db", cli.path("reference.sqlite")]).status, 0)
        for underMPI in [false, true] {
            let db = cli.path("term-\(underMPI).sqlite")
            let arguments = ["run", spec, "--db", db, "--grace", "30"]
            var command = underMPI
                ? try cli.command(executable: CampaignCLITests.mpirun,
                              arguments: ["-n", "3", "--oversubscribe", CLIHarness.binary.path] + arguments)
                : cli.command(arguments: arguments)
            let errURL = URL(fileURLWithPath: cli.path("term-\(underMPI).err"))
            command.standardOutput = .null
            command.standardError = .file(errURL.path)
            let job = try ChildProcess(command)
            defer { job.terminate() }
            do {
                _ = try waitForCalculations(db: db, atLeast: 1, while: job)
            } catch {
                XCTFail("\(error); mpi \(underMPI); stderr: \((try? String(contentsOf: errURL, encoding: .utf8)) ?? "")")
                return
            }
            job.signal(SIGTERM)
            let ended = job.wait(timeout: .seconds(300))
            let stderr = try String(contentsOf: errURL, encoding: .utf8)
            XCTAssertNotNil(ended, "no exit within 300 s of SIGTERM: \(stderr)")
            XCTAssertNotEqual(ended, .exited(0), "a stopped run must not look finished")
            XCTAssertTrue(stderr.contains("resume with: interscreen run"), stderr)
            let store = try ResultsStore(path: db)
            XCTAssertEqual(try store.integrityCheck(), "ok")
            XCTAssertFalse(try store.tasks().contains { $0.state == .running }, "drained: nothing left running")
            XCTAssertTrue(try store.tasks().contains { $0.state == .pending }, "stopped before the end")
            XCTAssertEqual(try cli.run(arguments).status, 0)
            try assertSameOutcome(db: db, reference: cli.path("reference.sqlite"))
        }
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
        let deadline = Date().addingTimeInterval(120)
        var running = false
        while Date() < deadline, job.isRunning, !running {
            running = (try? ResultsStore(path: db).tasks().contains { $0.kind == "optimization" && $0.state == .running }) ?? false
            if !running { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(running, "the optimisation never showed as running")
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
        XCTAssertEqual(try store.integrityCheck(), "ok", file: file, line: line)
    }

    /// Polls the database until it holds `atLeast` calculations; returns them.
    private func waitForCalculations(db: String, atLeast count: Int, while job: ChildProcess) throws -> [CalculationRecord] {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: db), let store = try? ResultsStore(path: db),
               let calcs = try? store.calculations(), calcs.count >= count {
                return calcs
            }
            guard job.isRunning else { throw CLIError("the run ended before \(count) results were stored") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CLIError("no \(count) results within 120 s")
    }

    static func killAll(matching text: String) throws {
        _ = try ChildProcess.run(Command("/usr/bin/pkill", ["-KILL", "-f", text]), timeout: .seconds(60))
        // Wait until they are really gone (pkill only sends the signal).
        for _ in 0..<200 {
            if try ChildProcess.run(Command("/usr/bin/pgrep", ["-f", text]), timeout: .seconds(60)).status != 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
