import Foundation
import Store
import XCTest

/// `interscreen submit --dry-run`: the scripts' directives and environment, parsed back; the PBS
/// script's body run under bash with PBS's variables (no PBS server here).
final class BatchScriptCLITests: XCTestCase {
    func testPBSDirectivesAndBody() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let result = try cli.run(["submit", spec, "--scheduler", "pbs", "--nodes", "2", "--ranks-per-node", "4",
                                  "--threads-per-rank", "2", "--walltime", "01:30:00", "--partition", "short",
                                  "--account", "chem42", "--array", "3", "--chain", "--db", cli.path("all.sqlite"),
                                  "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let directives = Self.directives(result.stdout, prefix: "#PBS ")
        XCTAssertEqual(directives["-l select"], ["2:ncpus=8:mpiprocs=4:ompthreads=2"])
        XCTAssertEqual(directives["-l walltime"], ["01:30:00"])
        XCTAssertEqual(directives["-q"], ["short"])
        XCTAssertEqual(directives["-A"], ["chem42"])
        XCTAssertEqual(directives["-J"], ["1-3"])
        XCTAssertEqual(directives["-N"], ["is-job"])
        XCTAssertEqual(directives["-j"], ["oe"])
        for line in ["export OMP_NUM_THREADS=2", "export OPENBLAS_NUM_THREADS=2", "export OMP_STACKSIZE=512M",
                     "ulimit -s unlimited", "export INTERSCREEN_DEADLINE=$(( $(date +%s) + 5400 ))"] {
            XCTAssertTrue(result.stdout.contains(line), line)
        }
        XCTAssertTrue(result.stdout.contains("--threads 2 --deadline-margin 120 --grace 60 --db "
            + cli.path("all") + ".shard-\"$SHARD\"-of-3.sqlite --shard \"$SHARD/3\""), "one database per element: " + result.stdout)
        XCTAssertTrue(result.stdout.contains("qsub -v INTERSCREEN_CHAIN_LINK=$NEXT,INTERSCREEN_SHARD=$SHARD"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("job.pbs.sh")), "--dry-run writes nothing")
        try assertBashSyntax(result.stdout, cli)
    }

    func testSlurmDirectives() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let result = try cli.run(["submit", spec, "--scheduler", "slurm", "--nodes", "3", "--ranks-per-node", "16",
                                  "--threads-per-rank", "4", "--walltime", "24:00:00", "--partition", "cpu",
                                  "--account", "chem42", "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let d = Self.directives(result.stdout, prefix: "#SBATCH ")
        XCTAssertEqual(d["--nodes"], ["3"])
        XCTAssertEqual(d["--ntasks-per-node"], ["16"])
        XCTAssertEqual(d["--cpus-per-task"], ["4"])
        XCTAssertEqual(d["--time"], ["24:00:00"])
        XCTAssertEqual(d["--partition"], ["cpu"])
        XCTAssertEqual(d["--account"], ["chem42"])
        XCTAssertNil(d["--array"])
        XCTAssertTrue(result.stdout.contains("mpirun -n \"$RANKS\" --oversubscribe --bind-to none"), result.stdout)
        XCTAssertTrue(result.stdout.contains("RANKS=$(( ${SLURM_NTASKS:-48} + 1 ))"), result.stdout)
        XCTAssertFalse(result.stdout.contains("sbatch"), "no chain without --chain")
        try assertBashSyntax(result.stdout, cli)

        let bad = try cli.run(["submit", spec, "--scheduler", "slurm", "--ranks-per-node", "1", "--walltime", "1:75:00",
                               "--dry-run"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("walltime"), bad.stderr)

        // A batch system interscreen has no script for is refused by name, not submitted with qsub.
        let unknown = try cli.run(["submit", spec, "--scheduler", "lsf", "--ranks-per-node", "1", "--walltime", "1:00:00",
                                   "--dry-run"])
        XCTAssertEqual(unknown.status, 64, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("unknown batch system \"lsf\": --scheduler must be slurm or pbs"), unknown.stderr)
    }

    /// The PBS script runs: PBS_NODEFILE gives the ranks, the walltime the deadline. With 130 s of
    /// walltime and a 120 s margin the Zn optimisation does not fit: the job computes the rest,
    /// exits 4 and resubmits itself (observed by a stand-in qsub); the chained job has nothing that
    /// fits, exits 5 and stops the chain.
    func testPBSScriptRunsUnderBashWithPBSEnvironmentAndChains() throws {
        let cli = try CLIHarness()
        let fixture = HPCFixture(cli: cli)
        let spec = try fixture.deadlineSpec(name: "job")
        let script = cli.path("job.pbs.sh")
        let submit = try cli.run(["submit", spec, "--scheduler", "pbs", "--ranks-per-node", "2", "--walltime", "00:02:10",
                                  "--deadline-margin", "120", "--chain", "--dry-run"])
        XCTAssertEqual(submit.status, 0, submit.stderr)
        try submit.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        let nodefile = cli.path("nodefile")
        try "vm\nvm\n".write(toFile: nodefile, atomically: true, encoding: .utf8)
        let stub = try fixture.stubSbatch("qsub")
        let log = stub.appendingPathComponent("qsub.log").path
        // The run's clock frozen at its start: whether a task fits rests on the predictions alone.
        let pbs = ["PBS_NODEFILE": nodefile, "PBS_JOBID": "7.server", "INTERSCREEN_CLOCK": "frozen"]

        let first = try fixture.runScript(script, environment: pbs, path: stub)
        XCTAssertEqual(first.status, 4, first.stdout)
        XCTAssertTrue(first.stdout.contains("(from INTERSCREEN_DEADLINE)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("2 worker ranks"), first.stdout)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "-v INTERSCREEN_CHAIN_LINK=2 \(script)\n")
        let tasks = try ResultsStore(path: cli.path("job.sqlite")).tasks()
        XCTAssertEqual(Set(tasks.filter { $0.state != .done }.map(\.key)), ["zn/opt", "zn/sp"])

        var chained = pbs
        chained["INTERSCREEN_CHAIN_LINK"] = "2"
        let second = try fixture.runScript(script, environment: chained, path: stub)
        XCTAssertEqual(second.status, 5, second.stdout)
        XCTAssertTrue(second.stdout.contains("not resubmitting"), second.stdout)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count, 1,
                       "no second resubmission")
    }

    /// A PBS array element takes its shard from PBS_ARRAY_INDEX (or INTERSCREEN_SHARD, as its
    /// chained copy does) and writes its own database.
    func testPBSArrayElementRunsItsShard() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let script = cli.path("job.pbs.sh")
        let submit = try cli.run(["submit", spec, "--scheduler", "pbs", "--ranks-per-node", "1", "--walltime", "00:20:00",
                                  "--array", "2", "--chain", "--dry-run"])
        XCTAssertEqual(submit.status, 0, submit.stderr)
        try submit.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        let fixture = HPCFixture(cli: cli)
        let first = try fixture.runScript(script, environment: ["PBS_ARRAY_INDEX": "1"])
        XCTAssertEqual(first.status, 0, first.stdout)
        let second = try fixture.runScript(script, environment: ["INTERSCREEN_SHARD": "2"])
        XCTAssertEqual(second.status, 0, second.stdout)
        let keys = try (1...2).map { i in Set(try ResultsStore(path: cli.path("job.shard-\(i)-of-2.sqlite")).tasks().map(\.key)) }
        XCTAssertTrue(keys[0].isDisjoint(with: keys[1]))
        XCTAssertEqual(keys[0].union(keys[1]).count, CampaignFixture.fragments.count)
        let single = try cli.run(["submit", spec, "--scheduler", "pbs", "--ranks-per-node", "1", "--walltime", "00:20:00",
                                  "--array", "1", "--dry-run"])
        XCTAssertNotEqual(single.status, 0, "PBS arrays have at least two elements")
    }

    // MARK: helpers

    /// "#PBS -l walltime=01:00:00" → ["-l walltime": ["01:00:00"]]; "#SBATCH --time=…" likewise.
    static func directives(_ script: String, prefix: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in script.split(separator: "\n") where line.hasPrefix(prefix) {
            let body = line.dropFirst(prefix.count)
            if let eq = body.firstIndex(of: "=") {
                out[String(body[..<eq]), default: []].append(String(body[body.index(after: eq)...]))
            } else {
                let parts = body.split(separator: " ", maxSplits: 1)
                out[String(parts[0]), default: []].append(parts.count > 1 ? String(parts[1]) : "")
            }
        }
        return out
    }

    private func assertBashSyntax(_ script: String, _ cli: CLIHarness, line: UInt = #line) throws {
        let path = cli.path("syntax-\(UUID().uuidString).sh")
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try cli.run(["-n", path], executable: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(check.status, 0, check.stderr, line: line)
    }
}
