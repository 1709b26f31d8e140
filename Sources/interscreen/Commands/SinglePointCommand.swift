import ArgumentParser
import Engine
import Foundation
import Store
import Structures
import Work

/// `interscreen sp FILE...`: single points, stored and cached, one row per structure.
struct SinglePointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sp",
        abstract: "Single-point energies and gradients with GFN-xTB, stored in the results database.",
        discussion: """
        Each structure is read, validated, and looked up in the database by its content hash, the \
        settings hash and the engine (backend and release, see --engine); a calculation already \
        stored is reported as cached, not recomputed. An SCC that does not converge is retried as \
        in campaigns (more iterations, then 1000 K electronic temperature): the row stores the \
        settings that converged and the output names the retry (flags). One bad \
        file does not stop the others; the exit status is 1 when any structure failed.
        """
    )

    @Argument(help: "Structure files: .xyz, .extxyz, .vasp, POSCAR, CONTCAR, .cif.")
    var files: [String]

    @OptionGroup var method: MethodOptions

    @OptionGroup var engine: EngineOption

    @Option(help: "Results database (SQLite); created if missing, in a folder that exists.")
    var db: String = "interscreen.sqlite"

    @Flag(help: "Print one JSON object per structure (JSON Lines) instead of a table.")
    var json = false

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads for this process (default: OMP_NUM_THREADS or 1).")
    var threads: Int?

    func validate() throws {
        try OptionRange.atLeast(1, threads, "--threads")
    }

    func run() throws {
        ThreadControl.apply(threads: threads ?? ThreadControl.requested)
        let (store, runID) = try OpenedDatabase.beginRun(db)
        let calculator = try EngineSelection.routed(engine.engine).calculator()
        let output: SinglePointOutput = json ? JSONLinesOutput() : TableOutput()
        let progress = ProgressLine(total: files.count, label: "sp")
        let context = JobContext(store: store, calculator: calculator, runID: runID, host: HostInfo.name,
                                 version: InterscreenVersion.current)
        let job = SinglePointJob(context: context, engine: engine.engine, settings: method.settings,
                                 overrides: ChargeOverrides(charge: method.charge, uhf: method.uhf))
        output.begin()
        var failures = 0
        for file in files {
            let outcome = job.run(file: file)
            if case .failed = outcome.status { failures += 1 }
            progress.clear()
            output.emit(outcome)
            progress.advance(failed: failures)
        }
        progress.finish()
        output.end(total: files.count, failures: failures)
        try store.finishRun(id: runID, exitStatus: failures == 0 ? 0 : 1)
        if failures > 0 { throw ExitCode(1) }
    }
}
