import ArgumentParser
import Engine
import Foundation
import Optimization
import Store
import Structures
import Work

/// `interscreen opt FILE`: geometry optimisation, stored and cached.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opt",
        abstract: "Optimise a geometry with GFN-xTB (xtb's convergence levels), stored in the results database.",
        discussion: """
        The optimiser takes trust-region quasi-Newton steps with a Lindh-type model Hessian and \
        damped BFGS updates: in Cartesian coordinates for one molecule or framework, in \
        translation-rotation internal coordinates (TRIC) when the structure holds two or more \
        polyatomic units, such as a perovskite fragment and a zinc imidazolate after ligand \
        exchange (docs/optimizer.md). The result is stored as a new structure whose parent is the \
        input, with every cycle's energy and gradient norm; a repeated request with the same input, \
        settings, level, frozen atoms and engine (--engine) is answered from the database. Exit status: 0 converged, \
        2 not converged (the lowest-energy geometry reached is stored and written, marked as such), \
        1 error.

        --freeze SPEC (repeatable, or terms joined by ';'): 1-8,12 (1-based indices and ranges), \
        Cs,Pb (elements), far:R:point=x,y,z, far:R:atoms=SELECTION (farther than R Å from every \
        selected atom), far:R:center. Frozen atoms keep their input coordinates bit for bit.
        """
    )

    @Argument(help: "Structure file: .xyz, .extxyz, .vasp, POSCAR, CONTCAR, .cif.")
    var file: String

    @Option(help: "Convergence level, as xtb names them.")
    var level: ConvergenceLevel = .default

    @Option(help: "Atoms to keep fixed (syntax above); repeatable.")
    var freeze: [String] = []

    @Option(parsing: .unconditional, help: "Maximum optimisation cycles (default: xtb's cap for the level, 200 or more).")
    var cycles: Int?

    @Flag(name: .customLong("scc-restart"),
          help: "Start each SCC from the previous geometry's solution (faster; results depend on the path).")
    var sccRestart = false

    @OptionGroup var method: MethodOptions

    @OptionGroup var engine: EngineOption

    @Option(help: "Results database (SQLite); created if missing, in a folder that exists.")
    var db: String = "interscreen.sqlite"

    @Option(name: [.short, .customLong("output")], help: "Write the optimised structure here (.xyz/.extxyz, POSCAR, .vasp).")
    var output: String?

    @Option(help: "Write every geometry of the optimisation here (multi-frame extended XYZ).")
    var trajectory: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Print one line per cycle on standard error.")
    var verbose = false

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads for this process (default: OMP_NUM_THREADS or 1).")
    var threads: Int?

    @Option(name: .customLong("trust-max"), parsing: .unconditional, help: ArgumentHelp("Largest trust radius, Bohr (tuning).", visibility: .hidden))
    var trustMax: Double?

    @Option(name: .customLong("hessian-memory"), parsing: .unconditional, help: ArgumentHelp("BFGS memory on top of the current model Hessian (0: one Hessian, all updates; tuning).", visibility: .hidden))
    var hessianMemory: Int?

    @Flag(name: .customLong("rfo"), help: ArgumentHelp("Rational-function steps instead of trust-region Newton (tuning).", visibility: .hidden))
    var rfo = false

    @Option(name: .customLong("trust-start"), parsing: .unconditional, help: ArgumentHelp("Initial trust radius, Bohr (tuning).", visibility: .hidden))
    var trustStart: Double?

    @Option(name: .customLong("coordinates"), help: ArgumentHelp("Step coordinates: automatic (default: TRIC for two or more polyatomic fragments, else Cartesian), cartesian or tric (tuning).", visibility: .hidden))
    var coordinates: String?

    func validate() throws {
        try OptionRange.atLeast(1, cycles, "--cycles")
        try OptionRange.atLeast(1, threads, "--threads")
        try OptionRange.positive(trustMax, "--trust-max")
        try OptionRange.positive(trustStart, "--trust-start")
        try OptionRange.atLeast(0, hessianMemory, "--hessian-memory")
        if let coordinates, OptimizationCoordinates(rawValue: coordinates) == nil {
            throw ValidationError("--coordinates must be automatic, cartesian or tric (got '\(coordinates)')")
        }
        do { _ = try FreezeSpec(parsing: freeze) } catch { throw ValidationError("--freeze: \(error)") }
        if let output {
            try OutputPath.checkStructureFormat(output, option: "--output", input: file)
            try OutputPath.checkWritable(output, option: "--output")
        }
        if let trajectory { try OutputPath.checkWritable(trajectory, option: "--trajectory") }
    }

    func run() throws {
        ThreadControl.apply(threads: threads ?? ThreadControl.requested)
        let (store, runID) = try OpenedDatabase.beginRun(db)
        var options = OptimizationOptions(level: level, maxCycles: cycles,
                                          reuseWavefunction: sccRestart)
        if let trustMax { options.maximumTrustRadius = trustMax }
        if let trustStart { options.initialTrustRadius = trustStart }
        options.rationalFunctionSteps = rfo
        if let coordinates { options.coordinates = OptimizationCoordinates(rawValue: coordinates) ?? .automatic }
        if let hessianMemory { options.hessianMemory = hessianMemory > 0 ? hessianMemory : nil }
        let verbose = self.verbose
        let context = JobContext(store: store, calculator: try EngineSelection.routed(engine.engine).calculator(),
                                 runID: runID, host: HostInfo.name, version: InterscreenVersion.current)
        let job = OptimizeJob(
            context: context, engine: engine.engine, settings: method.settings,
            overrides: ChargeOverrides(charge: method.charge, uhf: method.uhf), freeze: try FreezeSpec(parsing: freeze),
            options: options, onStep: verbose ? { printError(OptimizeOutput.progress($0)) } : nil)
        let report: OptimizeReport
        do {
            report = try job.run(file: file)
        } catch {
            let failure = FailureClass.classify(error)
            if json {
                let object: [String: Any] = ["file": file, "ok": false, "failure_class": failure.failureClass.rawValue,
                                             "error": failure.message]
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
                printFlushed(String(decoding: data, as: UTF8.self))
            }
            printError("error: \(failure.message)")
            try? store.finishRun(id: runID, exitStatus: 1)
            throw ExitCode(1)
        }
        if let output { try OptimizeOutput.writeStructure(report, to: output) }
        if let trajectory { try OptimizeOutput.writeTrajectory(report, to: trajectory) }
        if json {
            printFlushed(OptimizeOutput.json(report, outputFile: output, trajectoryFile: trajectory))
        } else {
            printFlushed(OptimizeOutput.text(report, outputFile: output))
        }
        let status = report.record.converged ? 0 : 2
        try store.finishRun(id: runID, exitStatus: status)
        if status != 0 { throw ExitCode(Int32(status)) }
    }
}
