import Engine
import Foundation
import Optimization
import Store
import Structures
import Work

/// How `interscreen opt` reports: a short text summary or one JSON object, plus the files.
enum OptimizeOutput {
    /// Writes the optimised structure: extended XYZ with the outcome in the comment line, or
    /// POSCAR/CONTCAR/.vasp when the name says so.
    static func writeStructure(_ report: OptimizeReport, to path: String) throws {
        var structure = report.output
        structure.name = StructureFile.stem(of: path)
        if StructureFile.format(of: path) == .xyz {
            let r = report.record
            let text = ExtendedXYZ.render(structure, info: [
                ("energy_hartree", "\(r.energyHartree)"), ("gradient_norm", "\(r.gradientNorm)"),
                ("converged", r.converged ? "T" : "F"), ("status", r.status), ("level", r.level.rawValue),
                ("cycles", "\(r.cycles)"), ("parent_hash", report.inputHash),
            ])
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw StructureError(.unwritable, file: path, "cannot write the file: \(error.localizedDescription)")
            }
        } else {
            try StructureFile.write(structure, to: path)
        }
    }

    /// Writes every geometry of the optimisation as a multi-frame extended XYZ file.
    static func writeTrajectory(_ report: OptimizeReport, to path: String) throws {
        var text = ""
        for step in report.steps.map(\.step) {
            var frame = report.input
            frame.positions = step.positions
            var info: [(String, String)] = [("cycle", "\(step.cycle)"), ("accepted", step.accepted ? "T" : "F")]
            if let e = step.energy { info.append(("energy_hartree", "\(e)")) }
            if let g = step.gradientNorm { info.append(("gradient_norm", "\(g)")) }
            info.append(("step_bohr", "\(step.stepLength)"))
            text += ExtendedXYZ.render(frame, info: info)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StructureError(.unwritable, file: path, "cannot write the file: \(error.localizedDescription)")
        }
    }

    /// The JSON object `--json` prints (keys in snake_case).
    static func json(_ report: OptimizeReport, outputFile: String?, trajectoryFile: String?) -> String {
        let r = report.record
        var object: [String: Any] = [
            "file": report.file, "name": report.input.name, "natoms": report.input.count,
            "formula": report.input.formula, "charge": report.input.charge,
            "multiplicity": report.input.multiplicity, "hash": report.inputHash, "output_hash": r.outputHash,
            "method": report.settings.method.rawValue, "settings_hash": report.settings.hash,
            "options_hash": r.optionsHash, "level": r.level.rawValue, "max_cycles": r.maxCycles,
            "freeze": r.freezeSpec, "frozen_atoms": r.frozenAtoms.map { $0 + 1 },
            "converged": r.converged, "status": r.status, "cached": report.cached,
            "energy_hartree": r.energyHartree, "energy_kj_mol": r.energyHartree * Units.kJPerMolPerHartree,
            "gradient_norm": r.gradientNorm, "cycles": r.cycles, "gradient_evaluations": r.gradientEvaluations,
            "failed_evaluations": r.failedEvaluations, "wall_seconds": r.wallSeconds,
            "optimization_id": r.id ?? -1, "engine_version": r.engineVersion, "engine": r.engine,
            "notes": r.notes.isEmpty ? [] : r.notes.components(separatedBy: "\n"),
        ]
        object["raised_max_iterations"] = r.raisedMaxIterations ?? NSNull()
        object["attempts"] = report.attempts
        object["flags"] = report.flags.map(\.text)
        if let start = report.steps.first?.energyHartree { object["start_energy_hartree"] = start }
        if let outputFile { object["output_file"] = outputFile }
        if let trajectoryFile { object["trajectory_file"] = trajectoryFile }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A few lines for people.
    static func text(_ report: OptimizeReport, outputFile: String?) -> String {
        let r = report.record
        let verdict = r.converged ? "converged" : "NOT CONVERGED (\(r.status))"
        var lines = [
            "\(report.input.name) (\(report.input.formula), \(report.input.count) atoms): \(verdict) at level \(r.level) "
                + "after \(r.cycles) cycles, \(r.gradientEvaluations) gradient evaluations"
                + (report.cached ? " [cached]" : ""),
            String(format: "  E = %.10f Eh   |grad| = %.6f Eh/a0   %.2f s", r.energyHartree, r.gradientNorm, r.wallSeconds),
        ]
        if let start = report.steps.first?.energyHartree {
            lines.append(String(format: "  ΔE from start = %.6f Eh (%.2f kJ/mol)", r.energyHartree - start,
                                (r.energyHartree - start) * Units.kJPerMolPerHartree))
        }
        if !r.frozenAtoms.isEmpty { lines.append("  frozen: \(r.frozenAtoms.count) atoms (\(r.freezeSpec))") }
        if !r.converged { lines.append("  the structure is the lowest-energy geometry reached, not a minimum") }
        for note in r.notes.components(separatedBy: "\n") where !note.isEmpty { lines.append("  note: \(note)") }
        if let outputFile { lines.append("  written: \(outputFile)") }
        return lines.joined(separator: "\n")
    }

    /// One progress line per cycle (stderr).
    static func progress(_ step: OptimizationStep) -> String {
        let e = step.energy.map { String(format: "%.10f", $0) } ?? "failed"
        let g = step.gradientNorm.map { String(format: "%.6f", $0) } ?? "-"
        let de = step.energyChange.map { String(format: "%+.3e", $0) } ?? "-"
        return String(format: "cycle %4d  E %@  dE %@  |g| %@  step %.4f  R %.4f%@", step.cycle, e, de, g,
                      step.stepLength, step.trustRadius, step.accepted ? "" : "  rejected")
    }
}
