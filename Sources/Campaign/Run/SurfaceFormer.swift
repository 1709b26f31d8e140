import Foundation
import Models
import Store
import Structures

/// Forms each `[[surfaces]]` table's γ at every vacuum once all of its tasks are settled, with the
/// formula and convergence loops of `interscreen surface` (`SurfaceStudy`, Fiorentini–Methfessel
/// slope, `SurfaceEnergy`), from the stored energies; then compares consecutive vacuums. One row
/// per (surface, vacuum) in `surface_energies`, listing the calculation rows it used.
struct SurfaceFormer {
    let campaign: String
    let store: ResultsStore

    /// Forms and stores every surface whose tasks are settled; returns the names still waiting.
    @discardableResult
    func form(_ surfaces: [SurfaceSpec], finalTask: [String: Int], rows: [TaskRecord]) throws -> [String] {
        var waiting: [String] = []
        for surface in surfaces {
            guard let items = try? SurfaceStructures.items(for: surface) else { continue }  // the spec reader checked it
            // A shard plans part of a surface's tasks: it leaves the surface to the merged database.
            let indices = items.map { finalTask[$0.name] }
            guard indices.allSatisfy({ $0.map(rows.indices.contains) ?? false }) else { continue }
            let settled = indices.allSatisfy { rows[$0!].state != .pending && rows[$0!].state != .running }
            guard settled else { waiting.append(surface.name); continue }
            let source = TaskEnergySource(items: items, finalTask: finalTask, rows: rows, store: store)
            for record in try records(surface, source: source) { try store.saveCampaignSurfaceEnergy(record) }
        }
        return waiting
    }

    /// The rows of one surface, vacuums ascending, each with its vacuum comparison.
    private func records(_ surface: SurfaceSpec, source: TaskEnergySource) throws -> [SurfaceEnergyRecord] {
        var excessNote: String?
        var excessPerUnit: Double?
        var excessIDs: [Int64] = []
        if let excess = SurfaceStructures.namedExcess(surface) {
            let result = try BulkStudy(source: source).run(excess)
            excessPerUnit = result.bestEnergyPerUnit
            excessIDs = source.used
            excessNote = excessPerUnit == nil ? "excess bulk: no energy (\(result.stop))"
                : "\(result.formula) bulk \(result.points.last?.supercell.label ?? "") "
                    + "(\(result.converged ? "converged" : "NOT converged")), rich limit"
        }
        let cell = SurfaceStructures.namedCell(surface)
        let composition = Composition(numbers: cell.atomicNumbers)
        let volume = (cell.lattice?.volume ?? 0) / Double(max(composition.units, 1))
        var out: [SurfaceEnergyRecord] = []
        var finals: [SurfacePoint?] = []
        let rule = VacuumRule(series: surface.vacuums, threshold: surface.threshold)
        for vacuum in surface.vacuums {
            source.resetUsed()
            let result = try SurfaceStructures.study(surface, cell: cell, vacuum: vacuum, threshold: surface.threshold,
                                                     excessPerUnit: excessPerUnit, source: source).run()
            let gamma = result.final?.surfaceEnergy
            finals.append(result.final)
            let (vacuumConverged, vacuumNote) = Self.vacuumCheck(finals, rule: rule, count: surface.vacuums.count)
            let ids = (excessIDs + source.used).reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
            out.append(SurfaceEnergyRecord(
                campaign: campaign, surface: surface.name, vacuum: vacuum, phase: surface.phase,
                cellHash: surface.cell.contentHash, formula: composition.reduced.description, miller: result.miller,
                termination: result.termination, method: surface.settings.method.rawValue, surfaceEnergyJM2: gamma,
                thicknessConverged: result.thicknessConverged, inPlaneConverged: result.inPlaneConverged,
                vacuumConverged: vacuumConverged, layers: result.final?.layers ?? 0,
                supercell: result.final?.supercell ?? "", natoms: result.final?.atoms ?? 0, excess: result.excess,
                excessReference: result.excess.isEmpty ? nil : (excessNote ?? "not given (no excess_cell)"),
                volumePerUnit: volume, notes: (Self.studyNotes(result.stops, vacuums: surface.vacuums.count) + [vacuumNote]).joined(separator: "; "),
                calculationIDs: ids))
        }
        return out
    }

    /// The study's notes, without its "vacuum convergence not tested" when the campaign tests it.
    static func studyNotes(_ stops: [String], vacuums: Int) -> [String] {
        vacuums < 2 ? stops : stops.filter { !$0.hasPrefix("vacuum convergence not tested") }
    }

    /// Vacuum convergence by the rule of `interscreen surface` (`VacuumRule`: the last three vacua's
    /// γ agree within the threshold), over this vacuum and the smaller ones; nil when not tested.
    static func vacuumCheck(_ finals: [SurfacePoint?], rule: VacuumRule, count: Int) -> (Bool?, String) {
        if count < 3 { return (nil, "vacuum convergence not tested here: the rule needs three vacua, the series has \(count)") }
        if finals.count < 3 { return (nil, "vacuum: the rule needs three vacua up to this one (see the larger vacua's rows)") }
        let points = finals.compactMap { $0 }
        guard points.count == finals.count else { return (false, "vacuum: γ missing at this or a smaller vacuum") }
        let ok = rule.isConverged(points)
        let gammas = points.suffix(3).map { p in
            String(format: "%g Å %@", p.vacuum, p.surfaceEnergy.map { String(format: "%.6f", $0) } ?? "n/a")
        }
        return (ok, "vacuum " + (ok ? "converged" : "NOT converged") + " to \(rule.threshold) J/m² (γ at "
            + gammas.joined(separator: ", ") + ")")
    }
}
