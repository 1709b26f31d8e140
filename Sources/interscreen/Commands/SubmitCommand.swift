import ArgumentParser
import Campaign
import Foundation

/// `interscreen submit JOB.toml`: writes a Slurm or PBS batch script for a campaign and submits it.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write a Slurm/PBS batch script for a campaign and submit it (sbatch/qsub); prints the job id.",
        discussion: """
        The script sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, OMP_STACKSIZE and the stack limit, \
        starts nodes × ranks-per-node compute ranks plus rank 0 (which only coordinates) with mpirun \
        (or srun), and runs `interscreen run`, which resumes whatever earlier jobs left. The run learns \
        its deadline from the job (Slurm's end time; the walltime for PBS) and exits with status 4 when \
        work is left; with --chain the job then resubmits itself. --array K makes a job array whose \
        element i runs --shard i/K into its own database; merge them with `interscreen merge`. \
        See docs/hpc.md.
        """
    )

    @Argument(help: "The job spec (TOML).")
    var spec: String

    @Option(help: "Batch system: slurm or pbs.")
    var scheduler: String

    @Option(parsing: .unconditional, help: "Nodes to allocate.")
    var nodes: Int = 1

    @Option(parsing: .unconditional, help: "MPI ranks per node (compute ranks; rank 0 comes on top).")
    var ranksPerNode: Int

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads per rank (cores per rank).")
    var threadsPerRank: Int = 1

    @Option(help: "Walltime, HH:MM:SS.")
    var walltime: String

    @Option(help: "Slurm partition, or PBS queue.")
    var partition: String?

    @Option(help: "Account (project) to charge.")
    var account: String?

    @Option(parsing: .unconditional, help: "Job array of K elements: element i runs --shard i/K into its own database.")
    var array: Int?

    @Flag(help: "Resubmit the job when its run ends with status 4 (deadline reached, work left).")
    var chain = false

    @Option(parsing: .unconditional, help: "At most this many jobs in a chain (the first included).")
    var chainLimit: Int = 20

    @Option(help: "Results database passed to run --db (default: the spec's).")
    var db: String?

    @Option(help: "Where to write the script (default: ./<campaign>.<scheduler>.sh).")
    var script: String?

    @Option(parsing: .unconditional, help: "Seconds before the job's end when no task may still be running (run --deadline-margin); default min(120, walltime/4).")
    var deadlineMargin: Double?

    @Option(parsing: .unconditional, help: "Seconds running tasks may take after a stop request (run --grace); default half the margin, at most 60.")
    var grace: Double?

    @Option(help: "How ranks are started: mpirun (Open MPI; default) or srun (Slurm only).")
    var launcher: String = BatchRequest.Launcher.mpirun.rawValue

    @Option(help: "A shell line to run before interscreen, e.g. 'module load openmpi' (repeatable).")
    var prelude: [String] = []

    @Option(help: "The interscreen binary the job runs (default: this one).")
    var interscreen: String?

    @Flag(help: "Print the script; write and submit nothing.")
    var dryRun = false

    func validate() throws {
        try OptionRange.atLeast(1, nodes, "--nodes")
        try OptionRange.atLeast(1, ranksPerNode, "--ranks-per-node")
        try OptionRange.atLeast(1, threadsPerRank, "--threads-per-rank")
        try OptionRange.atLeast(1, array, "--array")
        try OptionRange.atLeast(1, chainLimit, "--chain-limit")
        try OptionRange.atLeast(0, deadlineMargin, "--deadline-margin")
        try OptionRange.atLeast(0, grace, "--grace")
    }

    func run() throws {
        let request = try makeRequest()
        let text: String
        do {
            text = try request.script()
        } catch {
            throw ValidationError("\(error)")
        }
        if dryRun {
            print(text, terminator: "")
            return
        }
        try text.write(toFile: request.scriptPath, atomically: true, encoding: .utf8)
        chmod(request.scriptPath, 0o755)
        let id = try BatchSubmitter.submit(script: request.scriptPath, scheduler: request.scheduler)
        printError("submitted \(request.scriptPath) to \(request.scheduler.rawValue): job \(id)")
        printFlushed(id)
    }

    func makeRequest() throws -> BatchRequest {
        let kind: BatchRequest.Scheduler
        do { kind = try BatchRequest.Scheduler(parsing: scheduler) } catch { throw ValidationError("\(error)") }
        guard let how = BatchRequest.Launcher(rawValue: launcher) else {
            throw ValidationError("--launcher must be mpirun or srun")
        }
        let time: Walltime
        do { time = try Walltime(parsing: walltime) } catch { throw ValidationError("\(error)") }
        let job = try JobSpecParser.parse(path: spec)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
        }
        let margin = deadlineMargin ?? min(120, Double(time.seconds) / 4)
        var request = BatchRequest(
            scheduler: kind, jobName: BatchRequest.jobName(campaign: job.name, scheduler: kind), nodes: nodes,
            ranksPerNode: ranksPerNode, threadsPerRank: threadsPerRank, walltime: time,
            executable: interscreen.map(absolute) ?? BatchSubmitter.currentExecutable, spec: absolute(spec),
            scriptPath: absolute(script ?? "\(job.name).\(kind.rawValue).sh"), workdir: cwd,
            deadlineMargin: margin, grace: grace ?? min(60, margin / 2), version: InterscreenVersion.current)
        request.launcher = how
        request.partition = partition
        request.account = account
        request.arrayShards = array
        request.chain = chain
        request.chainLimit = chainLimit
        request.database = db.map(absolute)
        request.prelude = prelude
        return request
    }
}
