import Foundation
import Processes
import Store
import TestSupport
import XCTest

/// The generated Slurm script on a real single-node Slurm (slurmctld + slurmd + munge, started
/// by scripts/slurm-local, which installs Debian's packages when they are missing and we are root).
final class SlurmClusterTests: XCTestCase {
    nonisolated(unsafe) static var conf: String?
    nonisolated(unsafe) static var failure: String?
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-slurm-\(getpid())").path
    static let script = CLIHarness.repository.appendingPathComponent("scripts/slurm-local").path

    override class func setUp() {
        super.setUp()
        // Output through files, waited for by pid: the script leaves munged, slurmctld and slurmd
        // running, and Foundation's Process once missed its end here and hung CI for 90 minutes.
        do {
            let result = try ChildProcess.run(Command("/bin/bash", [script, "start", folder]), timeout: .seconds(900))
            if result.status == 0 {
                conf = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                failure = "no Slurm here (\(result.timedOut ? "timed out" : result.termination.description)): "
                    + result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        } catch {
            failure = "could not run scripts/slurm-local: \(error)"
        }
    }

    override class func tearDown() {
        if conf != nil {
            _ = try? ChildProcess.run(Command("/bin/bash", [script, "stop", folder]), timeout: .seconds(120))
            try? FileManager.default.removeItem(atPath: folder)
        }
        super.tearDown()
    }

    func testSubmittedJobRunsTheCampaign() throws {
        let conf = try Self.cluster()
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let reference = cli.path("reference.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", reference]).status, 0)
        let db = cli.path("slurm.sqlite")
        let id = try submit(cli, conf: conf, ["submit", spec, "--scheduler", "slurm", "--nodes", "1", "--ranks-per-node", "2",
                                              "--walltime", "00:05:00", "--db", db, "--chain"])
        let state = try waitForJob(id, conf: conf)
        let log = try String(contentsOfFile: cli.path("is-job-\(id).out"), encoding: .utf8)
        XCTAssertTrue(state.contains("JobState=COMPLETED") && state.contains("ExitCode=0:0"), state + log)
        XCTAssertTrue(log.contains("(from squeue (Slurm job \(id)))"), "the run read its deadline from Slurm: " + log)
        XCTAssertTrue(log.contains("2 worker ranks"), log)
        XCTAssertTrue(log.contains("interscreen run exited with status 0"), log)
        let store = try ResultsStore(path: db)
        XCTAssertEqual(Set(try store.tasks().compactMap(\.rank)), [1, 2], "both compute ranks worked")
        try HPCFixture.assertFinished(db: db, reference: reference)
    }

    func testJobArrayShardsMergeToTheWholeCampaign() throws {
        let conf = try Self.cluster()
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let reference = cli.path("reference.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", reference]).status, 0)
        let id = try submit(cli, conf: conf, ["submit", spec, "--scheduler", "slurm", "--ranks-per-node", "1",
                                              "--walltime", "00:05:00", "--array", "2"])
        for element in 1...2 {
            let state = try waitForJob("\(id)_\(element)", conf: conf)
            XCTAssertTrue(state.contains("JobState=COMPLETED"), state)
        }
        let shards = (1...2).map { cli.path("job.shard-\($0)-of-2.sqlite") }
        let all = cli.path("all.sqlite")
        XCTAssertEqual(try cli.run(["merge"] + shards + ["-o", all]).status, 0)
        XCTAssertEqual(try cli.run(["reactions", spec, "--db", all]).status, 0)
        try HPCFixture.assertFinished(db: all, reference: reference)
    }

    /// A real chain: 1-minute jobs learn their end from squeue; with a 50 s margin the Zn
    /// optimisation (~15 s predicted) never fits. The first job computes the rest, exits 4 and
    /// resubmits itself; the second has nothing that fits, exits 5 and does not resubmit.
    func testChainResubmitsOnDeadlineAndStopsWhenNothingFits() throws {
        let conf = try Self.cluster()
        let cli = try CLIHarness()
        let spec = try HPCFixture(cli: cli).deadlineSpec()
        let reference = cli.path("reference.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", reference]).status, 0)
        let db = cli.path("chain.sqlite")
        let first = try submit(cli, conf: conf, ["submit", spec, "--scheduler", "slurm", "--ranks-per-node", "2",
                                                 "--walltime", "00:01:00", "--deadline-margin", "50", "--chain",
                                                 "--db", db])
        XCTAssertTrue(try waitForJob(first, conf: conf).contains("ExitCode=4:0"))
        let second = try XCTUnwrap(Int(first)).advanced(by: 1)
        XCTAssertTrue(try waitForJob("\(second)", conf: conf).contains("ExitCode=5:0"))
        let one = try String(contentsOfFile: cli.path("is-hpc-\(first).out"), encoding: .utf8)
        let two = try String(contentsOfFile: cli.path("is-hpc-\(second).out"), encoding: .utf8)
        XCTAssertTrue(one.contains("(from squeue (Slurm job \(first)))"), one)
        XCTAssertTrue(one.contains("interscreen run exited with status 4"), one)
        XCTAssertTrue(one.contains("resubmitting"), one)
        XCTAssertTrue(two.contains("interscreen run exited with status 5"), two)
        XCTAssertTrue(two.contains("not resubmitting"), two)
        XCTAssertEqual(try waitForEmptyQueue(conf: conf), "", "the chain stopped")
        let tasks = try ResultsStore(path: db).tasks()
        XCTAssertEqual(Set(tasks.filter { $0.state != .done }.map(\.key)), ["zn/opt", "zn/sp"])
        XCTAssertEqual(try ResultsStore(path: db).runs().map(\.exitStatus), [4, 5])
        // A job with more time (here: a run without a deadline) finishes it.
        XCTAssertEqual(try cli.run(["run", spec, "--db", db, "--deadline", "none"]).status, 0)
        try HPCFixture.assertFinished(db: db, reference: reference)
    }

    // MARK: helpers

    /// The started cluster's SLURM_CONF; a failure (never a skip) saying why there is none.
    static func cluster() throws -> String {
        guard let conf else {
            throw MissingDependency(message: "a one-node Slurm did not start: \(failure ?? "unknown reason"); "
                + "scripts/setup installs slurmctld, slurmd, slurm-client and munge")
        }
        return conf
    }

    /// Polls squeue until the queue is empty (the event), at most 120 s; returns what it last saw.
    private func waitForEmptyQueue(conf: String) throws -> String {
        var queue = try slurm(["squeue", "-h"], conf: conf)
        for _ in 0..<1200 where !queue.isEmpty {
            usleep(100_000)
            queue = try slurm(["squeue", "-h"], conf: conf)
        }
        return queue
    }

    /// Runs `interscreen submit …` with SLURM_CONF set (sbatch exports it to the job); returns the job id.
    /// The jobs' clocks are frozen at their start (sbatch exports our environment): which tasks fit
    /// before Slurm's end time rests on the predictions, not on how busy this machine is.
    private func submit(_ cli: CLIHarness, conf: String, _ arguments: [String]) throws -> String {
        let result = try cli.run(arguments, environment: ["SLURM_CONF": conf, "INTERSCREEN_CLOCK": "frozen"],
                                 timeout: .seconds(300))
        let stdout = result.stdout
        XCTAssertEqual(result.status, 0, stdout + result.stderr)
        let id = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(id.isEmpty || id.contains(" "), "submit prints the job id alone: \(stdout)")
        return id
    }

    /// Waits until the job left the queue; returns `scontrol show job` for it.
    private func waitForJob(_ id: String, conf: String) throws -> String {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let state = try slurm(["scontrol", "show", "job", id], conf: conf)
            if ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"]
                .contains(where: { state.contains("JobState=\($0)") }) {
                return state
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw CLIError("job \(id) did not finish within 300 s")
    }

    private func slurm(_ arguments: [String], conf: String) throws -> String {
        var command = Command(arguments[0], Array(arguments.dropFirst()),
                              environment: Command.inheritedEnvironment(["SLURM_CONF": conf]))
        command.standardError = .null
        return try ChildProcess.run(command, timeout: .seconds(120)).standardOutput
    }
}
