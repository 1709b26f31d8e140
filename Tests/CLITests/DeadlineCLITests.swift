import Foundation
import Processes
import Store
import XCTest

/// Walltime awareness: a run whose deadline is too short drains, commits and exits 4; the next
/// run (or the chained batch job) finishes the campaign, losing and duplicating nothing.
final class DeadlineCLITests: XCTestCase {
    /// The run's clock stands still at its start: deadlines are decided by predictions alone.
    static let frozen = ["INTERSCREEN_CLOCK": "frozen"]
    /// A fixed "now" (2027-01-15) for the Slurm end times the tests hand the script.
    static let epoch = 1_800_000_000

    func testShortDeadlineDrainsThenRerunFinishes() throws {
        let cli = try CLIHarness()
        let spec = try HPCFixture(cli: cli).deadlineSpec()
        let reference = cli.path("reference.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", reference]).status, 0)

        for underMPI in [false, true] {
            let db = cli.path("deadline-\(underMPI).sqlite")
            // 10 s before the margin by a frozen clock (so the decision rests on the predictions,
            // not on this machine's speed): every single point fits, the Zn optimisation (~15 s
            // predicted) does not.
            let arguments = ["run", spec, "--db", db, "--deadline", "600", "--deadline-margin", "590"]
            let first = underMPI
                ? try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path] + arguments,
                              executable: CampaignCLITests.mpirun, environment: Self.frozen)
                : try cli.run(arguments, environment: Self.frozen)
            XCTAssertEqual(first.status, 4, first.stdout + first.stderr)
            XCTAssertTrue(first.stderr.contains("deadline: 1 task(s) deferred"), first.stderr)
            XCTAssertTrue(first.stderr.contains("resume with: interscreen run"), first.stderr)
            let store = try ResultsStore(path: db)
            let tasks = try store.tasks()
            XCTAssertEqual(Set(tasks.filter { $0.state != .done }.map(\.key)), ["zn/opt", "zn/sp"])
            XCTAssertFalse(tasks.contains { $0.state == .running }, "drained: nothing left running")
            XCTAssertEqual(try store.calculations().count, tasks.count - 2, "the 8 single points")
            XCTAssertEqual(try store.runs().last?.exitStatus, 4)

            // The same deadline again: nothing that is left fits, so resubmitting would not help.
            let again = try cli.run(arguments, environment: Self.frozen)
            XCTAssertEqual(again.status, 5, again.stdout + again.stderr)
            XCTAssertTrue(again.stderr.contains("give the job more walltime"), again.stderr)

            let rerun = try cli.run(["run", spec, "--db", db, "--deadline", "3600"])
            XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
            try HPCFixture.assertFinished(db: db, reference: reference)
        }
    }

    /// The deadline from Slurm's environment, and the chain: the generated script resubmits itself
    /// on status 4 (observed by a stand-in sbatch) and the resubmitted job finishes the campaign.
    func testChainedSlurmScriptResubmitsOnceAndFinishes() throws {
        let cli = try CLIHarness()
        let fixture = HPCFixture(cli: cli)
        let spec = try fixture.deadlineSpec()
        let reference = cli.path("reference.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", reference]).status, 0)
        let stub = try fixture.stubSbatch()
        let db = cli.path("chain.sqlite")
        let script = cli.path("chain.slurm.sh")
        let submit = try cli.run([
            "submit", spec, "--scheduler", "slurm", "--nodes", "1", "--ranks-per-node", "2", "--walltime", "00:10:00",
            "--chain", "--db", db, "--script", script, "--deadline-margin", "60"],
            environment: ["PATH": stub.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
        XCTAssertEqual(submit.status, 0, submit.stderr)
        XCTAssertEqual(submit.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "4242", "submit prints the job id")
        let log = stub.appendingPathComponent("sbatch.log")
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), "--parsable \(script)\n")

        // First job: Slurm says it ends in 70 s; with the 60 s margin the Zn optimisation does not fit.
        // The run's clock is frozen at `epoch`, so "in 70 s" does not depend on this machine's speed.
        let slurm = ["SLURM_JOB_ID": "101", "SLURM_NTASKS": "2", "SLURM_JOB_END_TIME": "\(Self.epoch + 70)",
                     "INTERSCREEN_CLOCK": "frozen:\(Self.epoch)"]
        let first = try fixture.runScript(script, environment: slurm, path: stub)
        XCTAssertEqual(first.status, 4, first.stdout)
        XCTAssertTrue(first.stdout.contains("(from SLURM_JOB_END_TIME)"), first.stdout)
        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(calls.last, "--export=ALL,INTERSCREEN_CHAIN_LINK=2 \(script)", "the job resubmitted itself")

        // The resubmitted job, as Slurm would start it: a fresh hour, link 2 of the chain.
        var second = slurm
        second["SLURM_JOB_ID"] = "102"
        second["SLURM_JOB_END_TIME"] = "\(Self.epoch + 3600)"
        second["INTERSCREEN_CHAIN_LINK"] = "2"
        let last = try fixture.runScript(script, environment: second, path: stub)
        XCTAssertEqual(last.status, 0, last.stdout)
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count, calls.count,
                       "a finished campaign does not resubmit")
        try HPCFixture.assertFinished(db: db, reference: reference)
    }
}
