import ArgumentParser
import Engine
import Foundation
import Models
import Store
import Structures
import Work

/// `interscreen bulk FILE...`: Γ-point supercell-converged energies per formula unit of bulk
/// phases with tblite (periodic GFN2/GFN1), stored, and the differences between the phases.
struct BulkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk",
        abstract: "Supercell-converged bulk energies per formula unit (tblite GFN2/GFN1, Γ point) and phase differences.",
        discussion: """
        For each periodic cell the supercell grows until the energy per formula unit of two consecutive \
        sizes agrees within --threshold. Cubic cells use supercells that keep the band edges in the \
        Γ-point sample (2x2x2, fcc-2, bcc-2, 4x4x4, …); other cells grow along their shortest direction. \
        Every supercell's single point is a calculation row of the database (cached on a rerun). With \
        --relax, atomic positions are relaxed at fixed cell in the last supercell. When several files \
        share a composition, their differences per formula unit are printed. See docs/bulk.md.
        """
    )

    @Argument(help: "Periodic cells: .cif, .extxyz with Lattice=, POSCAR.")
    var files: [String]

    @Option(name: .customLong("gfn"), help: "Hamiltonian: 2 or 1 (GFN2-/GFN1-xTB through tblite).")
    var gfn: String = "2"

    @OptionGroup var engine: EngineOption

    @Option(parsing: .unconditional, help: "Convergence threshold: change of the energy per formula unit between consecutive sizes, kJ/mol.")
    var threshold: Double = ConvergenceRule.defaultThreshold

    @Option(parsing: .unconditional, help: "Largest supercell computed, in atoms.")
    var maxAtoms: Int = BulkStudyOptions.defaultMaxAtoms

    @Option(parsing: .unconditional, help: "Wall-time budget per cell's series, s: a size estimated to overrun it is not started.")
    var maxSeconds: Double?

    @Option(help: "Series: auto, cubic-even or shortest-axis; or a comma-separated list such as 1x2x1,1x3x1 or 2x2x2,bcc-2.")
    var series: String = "auto"

    @Option(parsing: .unconditional, help: "Formula units per input cell (default: the gcd of the element counts).")
    var formulaUnits: Int?

    @Flag(help: "Relax atomic positions (fixed cell) in the last supercell of each series.")
    var relax = false

    @Option(parsing: .unconditional, help: "With --relax: relax in the largest computed supercell with at most this many atoms (its relaxation energy per formula unit is added to the converged value); default: the last supercell.")
    var relaxMaxAtoms: Int?

    @Option(parsing: .unconditional, help: "Cycle cap of the relaxation (default: xtb's, 3 × atoms, at least 200).")
    var relaxCycles: Int?

    @Option(name: .customLong("etemp"), parsing: .unconditional, help: "Electronic temperature in K.")
    var electronicTemperature: Double = 300

    @Option(name: .customLong("acc"), parsing: .unconditional, help: "Numerical accuracy (0.0001–1000).")
    var accuracy: Double = 1.0

    @Option(name: .customLong("iterations"), parsing: .unconditional, help: "Maximum SCC iterations.")
    var maxIterations: Int = 250

    @Option(help: "Results database (SQLite); created if missing.")
    var db: String = "interscreen.sqlite"

    @Flag(help: "Print JSON Lines (one object per cell, then one per phase difference) instead of tables.")
    var json = false

    @Option(parsing: .unconditional, help: "OpenMP/OpenBLAS threads of the tblite bridge (default: OMP_NUM_THREADS or 1).")
    var threads: Int?

    func validate() throws {
        guard let method = Method(gfnArgument: gfn), method == .gfn2 || method == .gfn1 else {
            throw ValidationError("--gfn must be 2 or 1 for periodic cells (got '\(gfn)'); GFN0 runs with `sp --gfn 0`")
        }
        guard engine.engine != .xtb else {
            throw ValidationError("--engine xtb: libxtb 6.5.1 computes no periodic GFN2/GFN1; bulk runs on tblite "
                + "(--engine auto or tblite)")
        }
        guard threshold > 0 else { throw ValidationError("--threshold must be positive (got \(threshold))") }
        guard maxAtoms > 0 else { throw ValidationError("--max-atoms must be positive (got \(maxAtoms))") }
        try OptionRange.positive(maxSeconds, "--max-seconds")
        try OptionRange.atLeast(1, formulaUnits, "--formula-units")
        try OptionRange.atLeast(1, relaxMaxAtoms, "--relax-max-atoms")
        try OptionRange.atLeast(1, relaxCycles, "--relax-cycles")
        try OptionRange.positive(electronicTemperature, "--etemp")
        try OptionRange.within(0.0001...1000, accuracy, "--acc")
        try OptionRange.atLeast(1, maxIterations, "--iterations")
        try OptionRange.atLeast(1, threads, "--threads")
        _ = try supercellSeries()
    }

    func run() throws {
        ThreadControl.apply(threads: threads ?? ThreadControl.requested)
        let (store, runID) = try OpenedDatabase.beginRun(db)
        let calculator: any Calculator
        do {
            calculator = try EngineSelection.periodic(calculatorOptions).calculator()
        } catch {
            printError("error: \(FailureClass.classify(error).message)")
            try store.finishRun(id: runID, exitStatus: 1)
            throw ExitCode(1)
        }
        let output: BulkOutput = json ? BulkJSONOutput() : BulkTableOutput()
        let settings = self.settings
        let context = JobContext(store: store, calculator: calculator, runID: runID, host: HostInfo.name,
                                 version: InterscreenVersion.current)
        let job = BulkJob(context: context, settings: settings, options: try studyOptions())
        var results: [BulkStudyResult] = []
        var failures = 0
        for file in files {
            switch job.run(file: file, onEvent: { output.event($0, cell: $1, settings: settings) }) {
            case .success(let result):
                output.finish(result, file: file, engine: calculator.engineVersion, settings: settings)
                results.append(result)
                if result.points.isEmpty || result.stop.isFailure { failures += 1 }
            case .failure(let failure):
                output.failed(file: file, failureClass: failure.failureClass.rawValue, message: failure.message)
                failures += 1
            }
        }
        output.differences(PhaseDifference.allPairs(results))
        try store.finishRun(id: runID, exitStatus: failures == 0 ? 0 : 1)
        if failures > 0 { throw ExitCode(1) }
    }

    private var settings: Settings {
        Settings(method: Method(gfnArgument: gfn) ?? .gfn2, accuracy: accuracy,
                 electronicTemperature: electronicTemperature, maxIterations: maxIterations)
    }

    private var calculatorOptions: TBLiteOptions {
        TBLiteOptions(scope: .periodicOnly, threads: threads,
                      timeout: maxSeconds.map { .seconds(max($0, 60)) } ?? .seconds(7200))
    }

    private func studyOptions() throws -> BulkStudyOptions {
        BulkStudyOptions(rule: ConvergenceRule(thresholdKJPerMol: threshold), series: try supercellSeries(),
                         maxAtoms: maxAtoms, timeBudget: maxSeconds, formulaUnits: formulaUnits, relax: relax,
                         relaxMaxAtoms: relaxMaxAtoms, relaxMaxCycles: relaxCycles)
    }

    /// nil for "auto" (chosen per cell).
    private func supercellSeries() throws -> SupercellSeries? {
        switch series.lowercased() {
        case "auto": return nil
        case "cubic-even": return .cubicEven
        case "shortest-axis": return .shortestAxis(minimumWidth: SupercellSeries.defaultMinimumWidth)
        default:
            let labels = series.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let matrices = labels.compactMap(SupercellMatrix.init(parsing:))
            guard !labels.isEmpty, matrices.count == labels.count else {
                throw ValidationError("--series must be auto, cubic-even, shortest-axis or a list like 1x2x1,1x3x1 "
                    + "or 2x2x2,fcc-2,bcc-2 (got '\(series)')")
            }
            return .explicit(matrices)
        }
    }
}

extension SeriesStop {
    /// True when a calculation failed (not merely unconverged).
    var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
