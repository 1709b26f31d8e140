/// Everything a batch script for a campaign needs: resources, where things are, chaining.
public struct BatchRequest: Sendable {
    /// The batch system the script is for.
    public enum Scheduler: String, Sendable, CaseIterable {
        case slurm, pbs
    }

    /// How the MPI ranks are started.
    public enum Launcher: String, Sendable, CaseIterable {
        case mpirun, srun
    }

    public var scheduler: Scheduler
    public var launcher: Launcher = .mpirun
    /// Job name shown by the scheduler.
    public var jobName: String
    public var nodes: Int
    public var ranksPerNode: Int
    public var threadsPerRank: Int
    public var walltime: Walltime
    /// Slurm partition, or PBS queue.
    public var partition: String?
    public var account: String?
    /// K > 1: a job array of K elements, element i running `--shard i/K`.
    public var arrayShards: Int?
    /// On exit status 4 (deadline reached) the job resubmits its own script, at most `chainLimit` jobs in all.
    public var chain: Bool = false
    public var chainLimit: Int = 20
    /// Absolute paths: the interscreen binary, the job spec, the script itself (for chaining),
    /// the folder the job runs in (and writes its logs to).
    public var executable: String
    public var spec: String
    public var scriptPath: String
    public var workdir: String
    /// `run --db`, when not the spec's database.
    public var database: String?
    /// `run --deadline-margin` and `--grace`, seconds.
    public var deadlineMargin: Double
    public var grace: Double
    /// OMP_STACKSIZE (xtb needs large thread stacks).
    public var ompStackSize: String = "512M"
    /// Shell lines run before anything else (e.g. `module load openmpi`).
    public var prelude: [String] = []
    /// Recorded in the script's header.
    public var version: String

    public init(scheduler: Scheduler, jobName: String, nodes: Int, ranksPerNode: Int, threadsPerRank: Int,
                walltime: Walltime, executable: String, spec: String, scriptPath: String, workdir: String,
                deadlineMargin: Double, grace: Double, version: String) {
        self.scheduler = scheduler
        self.jobName = jobName
        self.nodes = nodes
        self.ranksPerNode = ranksPerNode
        self.threadsPerRank = threadsPerRank
        self.walltime = walltime
        self.executable = executable
        self.spec = spec
        self.scriptPath = scriptPath
        self.workdir = workdir
        self.deadlineMargin = deadlineMargin
        self.grace = grace
        self.version = version
    }

    /// Problems that make the request unusable.
    public func validate() throws {
        guard nodes >= 1, ranksPerNode >= 1, threadsPerRank >= 1 else {
            throw BatchError("--nodes, --ranks-per-node and --threads-per-rank must be at least 1")
        }
        if let k = arrayShards, k < 1 { throw BatchError("--array must be at least 1") }
        if let k = arrayShards, k < 2, scheduler == .pbs { throw BatchError("a PBS job array needs --array 2 or more") }
        guard deadlineMargin >= 0, Double(walltime.seconds) > deadlineMargin else {
            throw BatchError("the deadline margin (\(Int(deadlineMargin)) s) must be shorter than the walltime \(walltime)")
        }
        if launcher == .srun, scheduler != .slurm { throw BatchError("--launcher srun needs --scheduler slurm") }
    }

    /// The script text for `scheduler`.
    public func script() throws -> String {
        try validate()
        switch scheduler {
        case .slurm: return SlurmScript(request: self).text
        case .pbs: return PBSScript(request: self).text
        }
    }

    /// A job name both schedulers accept: letters, digits, `-`, `_`, `.`; at most 15 characters for PBS.
    public static func jobName(campaign: String, scheduler: Scheduler) -> String {
        let cleaned = String(("is-" + campaign).map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return scheduler == .pbs ? String(cleaned.prefix(15)) : cleaned
    }
}
