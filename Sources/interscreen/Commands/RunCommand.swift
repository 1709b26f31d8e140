import Work
import ArgumentParser
import Campaign
import Engine
import Foundation
import Scheduler
import Store

/// `interscreen run JOB.toml`: a whole campaign, alone or under mpirun, resumable.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a campaign from a job spec: alone, or under mpirun (rank 0 coordinates and writes).",
        discussion: """
        Rerunning the same spec resumes: finished tasks are skipped, single points already in the \
        database are answered from it. Each worker computes in an engine helper process \
        (--isolation isolated, the default): a crash in the engine kills the helper only, the task gets a \
        crash counted and runs once more; after a second crash it is quarantined (exit status 1), and \
        every other task still runs. Tasks left running by a job that died as a whole (killed, \
        preempted) run again with nothing counted against them. SIGTERM/SIGINT stop the dispatch, let running tasks finish \
        within --grace seconds, commit, and exit with status 3. Exit status 1 means some tasks failed. \
        With a deadline (--deadline, or the batch job's end) no task starts that is predicted to end \
        after the deadline minus --deadline-margin; the run drains, commits and exits with status 4 \
        (work left: resubmit), or 5 when no remaining task fitted at all (more walltime needed). \
        See docs/hpc.md.
        """
    )

    @Argument(help: "The job spec (TOML); see jobs/README.md.")
    var spec: String

    @Option(help: "Results database (default: the spec's [campaign] database, relative to the spec).")
    var db: String?

    @Flag(help: "Validate the spec and print the plan without computing anything.")
    var dryRun = false

    @Option(parsing: .unconditional, help: "Seconds running tasks may take to finish after SIGTERM/SIGINT.")
    var grace: Double = 60

    @Option(help: "Dispatch order: longest-first or first-come.")
    var policy: String = Dispatcher.Policy.longestFirst.rawValue

    @Option(help: ArgumentHelp("Where workers compute: isolated (an engine helper process per worker; a crash in "
        + "the engine fails only its task) or in-process (a crash ends the job). See docs/hpc.md.",
        valueName: "isolated|in-process"))
    var isolation: String = EngineIsolation.isolated.rawValue

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads per rank (default: OMP_NUM_THREADS or 1).")
    var threads: Int?

    @Option(parsing: .unconditional, help: "Seconds between progress lines when the output is a log, not a terminal.")
    var logInterval: Double = 30

    @Option(help: ArgumentHelp("When the run must end: an ISO 8601 time (local unless it ends in Z or an offset), "
        + "seconds from now, or none. Default: the batch job's end (INTERSCREEN_DEADLINE, SLURM_JOB_END_TIME, squeue).",
        valueName: "time|seconds|none"))
    var deadline: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds kept free before the deadline: no task starts that is predicted to run "
        + "into them; tasks still running then are stopped within --grace."))
    var deadlineMargin: Double = 120

    @Option(help: ArgumentHelp("Run part i of K of the campaign (whole structures, balanced by predicted cost); "
        + "default database <database>.shard-i-of-K.sqlite.", valueName: "i/K"))
    var shard: String?

    func validate() throws {
        guard EngineIsolation(rawValue: isolation) != nil else {
            throw ValidationError("--isolation must be isolated or in-process")
        }
        guard Dispatcher.Policy(rawValue: policy) != nil else {
            throw ValidationError("--policy must be longest-first or first-come")
        }
        do {
            _ = try shard.map(CampaignShard.init(parsing:))
            _ = try deadline.map { try JobDeadline.parse($0) }
        } catch {
            throw ValidationError("\(error)")
        }
        try OptionRange.atLeast(0, deadlineMargin, "--deadline-margin")
        try OptionRange.atLeast(0, grace, "--grace")
        try OptionRange.atLeast(1, threads, "--threads")
        try OptionRange.positive(logInterval, "--log-interval")
    }

    func run() throws {
        ThreadControl.apply(threads: threads ?? ThreadControl.requested)
        let stop = StopSignal()
        let mpi = MPIContext.launchedByMPIRun ? try MPIContext() : nil
        if let mpi, mpi.rank > 0 {
            try runWorker(mpi: mpi)
            return
        }
        let code: Int32?
        do {
            code = try coordinate(mpi: mpi, stop: stop)
        } catch {
            // Under mpirun the workers wait for rank 0: end the whole job, not just this rank.
            let failure = CommandFailure(error)
            printError("error: \(failure?.message ?? "\(error)")")
            if let mpi { mpi.abort(code: failure?.status ?? 2) }
            throw ExitCode(failure?.status ?? 2)
        }
        mpi?.barrier()
        if let code { throw ExitCode(code) }
    }

    /// Ranks 1…N−1: compute what rank 0 sends.
    private func runWorker(mpi: MPIContext) throws {
        let executor = try TaskRunner(isolation: isolationMode, threads: threads ?? ThreadControl.requested)
        try MPIWorker.run(mpi: mpi, execute: executor.execute)
        executor.stop()
        mpi.barrier()
    }

    private var isolationMode: EngineIsolation { EngineIsolation(rawValue: isolation) ?? .isolated }

    /// Rank 0 (or the only process): check, run the campaign (`CampaignRun`), print. Returns a non-zero exit code or nil.
    private func coordinate(mpi: MPIContext?, stop: StopSignal) throws -> Int32? {
        let part = try shard.map(CampaignShard.init(parsing:))
        let full = try JobSpecParser.parse(path: spec)
        let dbPath = db ?? part.map { $0.databasePath(for: full.database) } ?? full.database
        if dryRun {
            let job = part.map { $0.select(full) } ?? full
            try DryRunReport(plan: CampaignPlan(spec: job), spec: job, databasePath: dbPath).print()
            if let mpi { try MPICoordinator.stopWorkers(mpi: mpi) }
            return nil
        }
        let store = try OpenedDatabase.open(dbPath, .create)
        if let live = try store.liveRun() {
            throw ValidationError("run \(live.id ?? 0) (pid \(live.pid), started \(live.startedAt)) is still writing "
                + "\(dbPath); one coordinator per database")
        }
        let printer = CampaignProgressPrinter(interval: logInterval)
        let run = try CampaignRun(
            full: full, shard: part, store: store, command: CommandLine.arguments, version: InterscreenVersion.current,
            host: HostInfo.name, isolation: isolationMode, policy: Dispatcher.Policy(rawValue: policy) ?? .longestFirst,
            timeLimit: { try RunDeadline.limit(option: deadline, margin: deadlineMargin, costs: $0) },
            workers: (mpi?.size ?? 2) - 1, stop: stop, onProgress: printer.update)
        let plan = run.plan
        printFlushed("campaign \(plan.campaign): \(plan.tasks.count) tasks, \(plan.reactions.count) reactions, "
            + "database \(dbPath), \(mpi.map { "\($0.size - 1) worker rank\($0.size == 2 ? "" : "s")" } ?? "1 process")")
        printer.update(run.coordinator.progress)
        let end = try run.dispatch(mpi: mpi, stop: stop, grace: .seconds(grace)) {
            try TaskRunner(isolation: isolationMode, threads: threads ?? ThreadControl.requested)
        }
        printer.finish(run.coordinator.progress)
        let resume = "interscreen run \(spec)" + (db.map { " --db \($0)" } ?? "") + (shard.map { " --shard \($0)" } ?? "")
        let code: Int32?
        switch try run.finish(end) {
        case .storeFailed(_, let reason):
            printError("stopped: the results database \(dbPath) could not be written (\(reason)). Every result "
                + "committed before that is kept; results that reached rank 0 after it are not stored and run again. "
                + "Fix the cause (disk space, file system), then resume with: \(resume)")
            code = CampaignRun.storeFailureStatus
        case .finished(_, let finished):
            try printSummary(run, job: part.map { $0.select(full) } ?? full)
            let progress = run.coordinator.progress
            RunDeadline.report(end, code: finished, limit: run.limit,
                               left: progress.total - progress.done - progress.failed, resume: resume)
            code = finished
        }
        if case .stopped(_, let abandoned) = end, abandoned > 0, let mpi { mpi.abort(code: code ?? 3) }
        return code
    }

    /// The task summary and, when the spec has verdicts, the verdict table (or a matrix's ranking).
    private func printSummary(_ run: CampaignRun, job: JobSpec) throws {
        let campaign = run.plan.campaign
        try CampaignSummary(store: run.store, campaign: campaign, rows: run.coordinator.taskRows,
                            invalid: run.plan.invalidStructures).print()
        try CampaignSurfaceTable.print(store: run.store, campaign: campaign)
        guard !job.verdicts.isEmpty else { return }
        let stored = try run.store.verdicts(campaign: campaign)
        if stored.count > 1 {
            PairingRanking(verdicts: stored).print()   // a matrix: the ranking (`verdict` prints each table)
        } else {
            try VerdictTable(store: run.store, campaign: campaign).print()
        }
    }
}
