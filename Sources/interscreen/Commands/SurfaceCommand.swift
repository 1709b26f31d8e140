import ArgumentParser
import Engine
import Foundation
import Models
import Store
import Structures
import Work

/// `interscreen surface CELL --miller HKL --termination NAME`: the surface energy of a symmetric slab
/// cut from a bulk cell, converged over thickness and in-plane supercell (tblite, Γ point), stored.
struct SurfaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Surface energy (J/m²) of a symmetric slab cut from a bulk cell (tblite GFN2/GFN1, Γ point).",
        discussion: """
        Cuts symmetric slabs (both faces of the termination) from CELL, grows the number of layers until \
        γ changes by less than --threshold, then grows the in-plane supercell at that thickness (even \
        repeats for cubic cells). Each slab's bulk reference is the oriented bulk cell with the same \
        in-plane repeats. A slab that is not stoichiometric (ABX3 (001): excess AX or BX2) needs the \
        chemical potential of its excess: --excess-cell gives the bulk of the excess compound (e.g. CsI), \
        whose converged energy per unit is used (the excess-rich limit). Slabs are bulk-cut (not relaxed). \
        See docs/surfaces.md.
        """
    )

    @Argument(help: "Bulk cell: .cif, .extxyz with Lattice=, POSCAR.")
    var cell: String

    @Option(help: "Plane, e.g. 001, 110, 010.")
    var miller: String

    @Option(help: ArgumentHelp("Composition of the outer layer on both faces, e.g. CsI, PbI2, CsPbI3; or ribbons: whole "
        + "Pb2I6 chains with their Cs (delta-CsPbI3 planes along the chain axis, e.g. 100, 001)."))
    var termination: String

    @Option(name: .customLong("gfn"), help: "Hamiltonian: 2 or 1 (GFN2-/GFN1-xTB through tblite).")
    var gfn: String = "2"

    @Option(help: "Layer counts to walk through, comma-separated (e.g. 5,7,9).")
    var layers: String = "5,7,9,11"

    @Option(help: "In-plane repeats to walk through, e.g. 2x2,4x4 (default: 2x2,4x4,6x6 for cubic cells, else 1x1,2x2,3x3).")
    var inPlane: String?

    @Option(parsing: .unconditional, help: "Vacuum between the slab and its image, Å.")
    var vacuum: Double = SlabSpec.defaultVacuum

    @Option(help: "Larger vacua (Å) at which the final size is recomputed until γ stops changing, e.g. 40,80; 'none' skips the test.")
    var vacuumSeries: String = VacuumRule.defaultSeries.map { String(Int($0)) }.joined(separator: ",")

    @Option(parsing: .unconditional, help: "Convergence threshold: change of γ between consecutive sizes, J/m².")
    var threshold: Double = SurfaceStudy.defaultThreshold

    @Option(parsing: .unconditional, help: "Largest slab computed, in atoms.")
    var maxAtoms: Int = 320

    @Option(help: "Bulk cell of the excess compound (e.g. CsI for CsI-terminated ABX3 (001)); its converged energy per unit is μ_excess.")
    var excessCell: String?

    @Option(help: "Phase label stored with the result, matched against a verdict's active/inactive phase (default: the part of the file name after the last '-', e.g. alpha).")
    var phase: String?

    @Option(help: "Results database (SQLite); created if missing.")
    var db: String = "interscreen.sqlite"

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard let method = Method(gfnArgument: gfn), method == .gfn2 || method == .gfn1 else {
            throw ValidationError("--gfn must be 2 or 1 for periodic cells (got '\(gfn)')")
        }
        guard MillerIndex(miller) != nil else { throw ValidationError("--miller must look like 001 or 1,-1,0 (got '\(miller)')") }
        guard termination == RibbonSlabBuilder.termination || Composition(formula: termination) != nil else {
            throw ValidationError("--termination must be a formula such as CsI or PbI2, or \(RibbonSlabBuilder.termination) "
                + "(got '\(termination)')")
        }
        _ = try layerSeries()
        _ = try inPlaneSeries(for: nil)
        do { _ = try VacuumRule.parse(vacuumSeries, threshold: threshold) } catch { throw ValidationError("\(error)") }
        try OptionRange.positive(vacuum, "--vacuum")
        try OptionRange.positive(threshold, "--threshold")
        try OptionRange.atLeast(1, maxAtoms, "--max-atoms")
    }

    func run() throws {
        let store = try OpenedDatabase.open(db, .create)
        let runID = try store.beginRun(command: CommandLine.arguments, version: InterscreenVersion.current,
                                       host: HostInfo.name).id ?? 0
        var status = 1
        defer { _ = try? store.finishRun(id: runID, exitStatus: status) }
        let bulk: Structure
        do {
            bulk = try StructureFile.read(path: cell)
        } catch {
            throw CommandFailure.data(FailureClass.classify(error).message)
        }
        let calculator = try EngineSelection.periodic(TBLiteOptions(threads: nil, timeout: .seconds(7200))).calculator()
        let settings = self.settings
        let context = JobContext(store: store, calculator: calculator, runID: runID, host: HostInfo.name,
                                 version: InterscreenVersion.current)
        func source(_ file: String) -> StoredEnergySource {
            StoredEnergySource(context: context, settings: settings, sourceFile: file)
        }
        let mu: ExcessReference?
        do { mu = try excessCell.map { try ExcessReference(file: $0, source: source) } } catch let failure as ClassifiedFailure {
            throw CommandFailure.data(failure.message)
        }
        let study = SurfaceStudy(
            cell: bulk, spec: SlabSpec(miller: MillerIndex(miller)!, termination: termination, layers: 1, vacuum: vacuum),
            layerSeries: try layerSeries(), inPlaneSeries: try inPlaneSeries(for: bulk), threshold: threshold,
            maxAtoms: maxAtoms, excessPerUnit: mu?.energy, source: source(cell),
            vacuumRule: try VacuumRule.parse(vacuumSeries, threshold: threshold))
        let result: SurfaceStudyResult
        do {
            result = try study.run { point in if !json { SurfaceOutput.row(point) } }
        } catch {
            throw CommandFailure.data("\(cell): \(FailureClass.classify(error).message)")
        }
        let record = SurfaceOutput.record(result, cell: bulk, file: cell, phase: phaseLabel, settings: settings,
                                          excessReference: mu?.label)
        try store.saveSurfaceEnergy(record)
        if json { SurfaceOutput.json(record, result: result) } else { SurfaceOutput.summary(record, result: result) }
        status = result.final?.surfaceEnergy == nil ? 1 : 0
        if status != 0 { throw ExitCode(Int32(status)) }
    }

    private var phaseLabel: String {
        phase ?? URL(fileURLWithPath: cell).deletingPathExtension().lastPathComponent.split(separator: "-").last.map(String.init) ?? cell
    }

    private var settings: Settings {
        Settings(method: Method(gfnArgument: gfn) ?? .gfn2)
    }

    private func layerSeries() throws -> [Int] {
        let values = layers.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--layers must be positive integers such as 5,7,9 (got '\(layers)')")
        }
        return values.map { $0! }
    }

    private func inPlaneSeries(for bulk: Structure?) throws -> [(Int, Int)] {
        guard let inPlane else { return bulk.map(SurfaceStudy.defaultInPlane) ?? [] }
        let sizes = inPlane.split(separator: ",").map { $0.split(separator: "x").map { Int($0) } }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0.count == 2 && $0.allSatisfy { ($0 ?? 0) > 0 } }) else {
            throw ValidationError("--in-plane must look like 2x2,4x4 (got '\(inPlane)')")
        }
        return sizes.map { ($0[0]!, $0[1]!) }
    }
}
