import Engine
import Foundation
import Models
import Structures

/// Plain-text tables: each cell's series streamed row by row, its verdict, then the phase differences.
struct BulkTableOutput: BulkOutput {
    private let columns: [(String, Int)] = [
        ("supercell", 10), ("cells", 6), ("atoms", 6), ("f.u.", 5), ("E/Eh", 17), ("E per f.u./Eh", 16),
        ("change/kJ/mol", 14), ("time/s", 8), ("source", 0),
    ]

    func event(_ event: BulkStudy.Event, cell: Structure, settings: Settings) {
        switch event {
        case let .started(series, supercells):
            let sizes = supercells.map(\.label).joined(separator: ", ")
            printFlushed("\(cell.name): \(FormulaUnits.reducedFormula(of: cell)), \(cell.count) atoms per cell; "
                + "tblite \(settings.method.displayName), Γ point; series \(series): \(sizes)")
            printFlushed("  " + row(columns.map(\.0)))
        case let .point(point):
            printFlushed("  " + row([
                point.supercell.label, "\(point.cells)", "\(point.atoms)", "\(point.formulaUnits)",
                String(format: "%.9f", point.energy), String(format: "%.9f", point.energyPerUnit),
                point.changeKJPerMol.map { String(format: "%+.3f", $0) } ?? "-", String(format: "%.1f", point.seconds),
                (point.cached ? "cached " : "") + (point.calculationID.map { "calc \($0)" } ?? ""),
            ]))
        case let .seriesFinished(result):
            verdict(result)
        case let .relaxationStarted(supercell, atoms):
            printFlushed("  relaxing atomic positions (fixed cell) in \(supercell.label), \(atoms) atoms …")
        }
    }

    func finish(_ result: BulkStudyResult, file: String, engine: String, settings: Settings) {
        let unit = "per \(result.formula)"
        if let r = result.relaxation {
            let ids = [r.optimizationID.map { "opt \($0)" }, r.calculationID.map { "calc \($0)" }].compactMap { $0 }
            printFlushed("  relaxed — \(r.relaxed), in \(r.supercell.label) (\(r.atoms) atoms): E = "
                + String(format: "%.9f Eh %@, relaxation %+.2f kJ/mol; ", r.relaxedPerUnit, unit, r.relaxationKJPerMol)
                + "optimisation \(r.converged ? "converged" : "NOT converged (\(r.status))") after \(r.cycles) cycles, \(Int(r.seconds.rounded())) s"
                + (r.cached ? ", cached" : "") + (ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))"))
            if result.relaxationCarriedOver, let relaxed = result.relaxedEnergyPerUnit {
                printFlushed("  relaxation energy carried over to the series' last size: E(relaxed, estimated) = "
                    + String(format: "%.9f Eh %@", relaxed, unit))
            }
        } else if let failure = result.relaxationFailure {
            printFlushed("  relaxation FAILED: \(failure)")
        }
        printFlushed("")
    }

    private func verdict(_ result: BulkStudyResult) {
        let unit = "per \(result.formula)"
        if let index = result.convergedIndex, let change = result.points[index].changeKJPerMol {
            printFlushed("  converged at \(result.points[index].supercell.label): E = "
                + String(format: "%.9f Eh %@ (change %.3f kJ/mol, below %.3g)", result.points[index].energyPerUnit,
                         unit, abs(change), result.thresholdKJPerMol))
        } else {
            let best = result.bestEnergyPerUnit.map { String(format: "%.9f Eh %@", $0, unit) } ?? "none"
            printFlushed("  NOT CONVERGED: \(result.stop); largest size computed: \(best)")
        }
    }

    func failed(file: String, failureClass: String, message: String) {
        printFlushed("\(file): FAILED (\(failureClass))")
        printError("error: \(message)")
        printFlushed("")
    }

    func differences(_ differences: [PhaseDifference]) {
        guard !differences.isEmpty else { return }
        printFlushed("Phase differences per formula unit, E(phase) − E(reference), kJ/mol:")
        let widths = [24, 24, 10, 11, 11, 0]
        printFlushed(cells(["phase", "reference", "formula", "unrelaxed", "relaxed", "note"], widths))
        for d in differences {
            var notes: [String] = []
            if !d.bothConverged { notes.append("a series did not converge: largest size used") }
            if d.bothRelaxationsConverged == false { notes.append("a relaxation did not converge") }
            printFlushed(cells([
                d.phase, d.reference, d.formula, String(format: "%+.2f", d.unrelaxedKJPerMol),
                d.relaxedKJPerMol.map { String(format: "%+.2f", $0) } ?? "-", notes.joined(separator: "; "),
            ], widths))
        }
    }

    private func row(_ values: [String]) -> String {
        cells(values, columns.map(\.1))
    }

    private func cells(_ values: [String], _ widths: [Int]) -> String {
        zip(values, widths).map { value, width in
            width == 0 ? value : value.padding(toLength: max(width, value.count), withPad: " ", startingAt: 0)
        }.joined(separator: " ")
    }
}
