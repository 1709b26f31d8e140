import Engine
import Foundation
import Models
import Structures

/// JSON Lines: one object per cell (`"type": "bulk"`), then one per phase difference
/// (`"type": "phase_difference"`); keys in snake_case, energies in Eh, differences in kJ/mol.
struct BulkJSONOutput: BulkOutput {
    func event(_ event: BulkStudy.Event, cell: Structure, settings: Settings) {}

    func finish(_ result: BulkStudyResult, file: String, engine: String, settings: Settings) {
        emit([
            "type": "bulk", "ok": !result.points.isEmpty, "file": file, "name": result.name,
            "formula": result.formula, "atoms_per_cell": result.atomsPerCell,
            "formula_units_per_cell": result.formulaUnitsPerCell, "method": settings.method.rawValue,
            "settings_hash": settings.hash, "engine_version": engine, "series": result.series,
            "threshold_kj_mol": result.thresholdKJPerMol, "points": result.points.map(point),
            "converged": result.converged, "stop": result.stop.description,
            "energy_per_unit_hartree": result.energyPerUnit ?? NSNull(),
            "best_energy_per_unit_hartree": result.bestEnergyPerUnit ?? NSNull(),
            "relaxation": result.relaxation.map(relaxation) ?? NSNull(),
            "relaxed_energy_per_unit_hartree": result.relaxedEnergyPerUnit ?? NSNull(),
            "relaxation_carried_over": result.relaxationCarriedOver,
            "relaxation_failure": result.relaxationFailure ?? NSNull(),
        ])
    }

    func failed(file: String, failureClass: String, message: String) {
        emit(["type": "bulk", "ok": false, "file": file, "failure_class": failureClass, "error": message])
    }

    func differences(_ differences: [PhaseDifference]) {
        for d in differences {
            emit([
                "type": "phase_difference", "reference": d.reference, "phase": d.phase, "formula": d.formula,
                "unrelaxed_kj_mol": d.unrelaxedKJPerMol, "both_converged": d.bothConverged,
                "relaxed_kj_mol": d.relaxedKJPerMol ?? NSNull(),
                "both_relaxations_converged": d.bothRelaxationsConverged ?? NSNull(),
            ])
        }
    }

    private func point(_ p: SeriesPoint) -> [String: Any] {
        [
            "supercell": p.supercell.label, "matrix": p.supercell.rows, "cells": p.cells, "atoms": p.atoms,
            "formula_units": p.formulaUnits, "energy_hartree": p.energy, "energy_per_unit_hartree": p.energyPerUnit,
            "change_kj_mol": p.changeKJPerMol ?? NSNull(), "seconds": p.seconds, "cached": p.cached,
            "calculation_id": p.calculationID ?? NSNull(), "structure_hash": p.structureHash,
        ]
    }

    private func relaxation(_ r: RelaxationSummary) -> [String: Any] {
        [
            "supercell": r.supercell.label, "atoms": r.atoms, "formula_units": r.formulaUnits, "relaxed": r.relaxed,
            "unrelaxed_per_unit_hartree": r.unrelaxedPerUnit, "relaxed_per_unit_hartree": r.relaxedPerUnit,
            "relaxation_kj_mol": r.relaxationKJPerMol, "status": r.status, "converged": r.converged,
            "cycles": r.cycles, "gradient_norm": r.gradientNorm, "seconds": r.seconds, "cached": r.cached,
            "optimization_id": r.optimizationID ?? NSNull(), "calculation_id": r.calculationID ?? NSNull(),
            "structure_hash": r.structureHash,
        ]
    }

    private func emit(_ object: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        printFlushed(String(decoding: data, as: UTF8.self))
    }
}
