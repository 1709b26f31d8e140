import Engine
import Foundation
import Models
import Store
import Structures

/// What `interscreen surface` prints: one table row per slab as it finishes, then a summary; or
/// one JSON object (snake_case keys, γ in J/m², energies in Eh).
enum SurfaceOutput {
    static func row(_ p: SurfacePoint) {
        let gamma = p.surfaceEnergy.map { String(format: "%.4f", $0) } ?? "n/a"
        let change = p.change.map { String(format: "%+.4f", $0) } ?? ""
        printFlushed(String(format: "%3d layers %-5@ %5d atoms  vacuum %4.0f Å  γ %@ J/m² %@  %8.1f s%@", p.layers,
                            p.supercell as NSString, p.atoms, p.vacuum, gamma as NSString, change as NSString, p.seconds,
                            p.cached ? " (cached)" : ""))
    }

    static func record(_ r: SurfaceStudyResult, cell: Structure, file: String, phase: String, settings: Settings,
                       excessReference: String?) -> SurfaceEnergyRecord {
        let composition = Composition(numbers: cell.atomicNumbers)
        let volume = (cell.lattice?.volume ?? 0) / Double(max(composition.units, 1))
        let final = r.final
        return SurfaceEnergyRecord(
            kind: "surface", phase: phase, cellHash: cell.contentHash, formula: composition.reduced.description,
            miller: r.miller, termination: r.termination, method: settings.method.rawValue,
            surfaceEnergyJM2: final?.surfaceEnergy, converged: r.converged, layers: final?.layers ?? 0,
            supercell: final?.supercell ?? "", natoms: final?.atoms ?? 0, relaxed: r.relaxed, excess: r.excess,
            excessReference: r.excess.isEmpty ? nil : excessReference, volumePerUnit: volume,
            notes: r.stops.joined(separator: "; "))
    }

    static func summary(_ record: SurfaceEnergyRecord, result: SurfaceStudyResult) {
        let gamma = record.surfaceEnergyJM2.map { String(format: "%.4f J/m²", $0) } ?? "n/a (needs --excess-cell)"
        printFlushed("\(record.formula) (\(record.miller)) \(record.termination)-terminated, \(record.phase): γ = \(gamma), "
            + "\(record.layers) layers \(record.supercell), \(record.natoms) atoms, "
            + String(format: "vacuum %.0f Å (%@), ", result.finalVacuum, result.vacuumConverged ? "converged" : "NOT converged")
            + (record.converged ? "converged" : "NOT CONVERGED") + ", bulk-cut (not relaxed)")
        if !record.excess.isEmpty {
            printFlushed("  excess over whole bulk units: \(record.excess); μ_excess: \(record.excessReference ?? "not given")")
        }
        for note in result.stops { printFlushed("  note: \(note)") }
    }

    static func json(_ record: SurfaceEnergyRecord, result: SurfaceStudyResult) {
        let point = { (p: SurfacePoint) -> [String: Any] in
            ["layers": p.layers, "supercell": p.supercell, "natoms": p.atoms, "energy_hartree": p.energy,
             "bulk_per_unit_hartree": p.bulkPerUnit, "surface_energy_j_m2": p.surfaceEnergy ?? NSNull(),
             "surface_energy_direct_j_m2": p.surfaceEnergyDirect ?? NSNull(), "bulk_units": p.bulkUnits,
             "slope_per_unit_hartree": p.slopePerUnit ?? NSNull(), "change_j_m2": p.change ?? NSNull(), "seconds": p.seconds, "cached": p.cached,
             "structure_hash": p.structureHash, "vacuum_angstrom": p.vacuum]
        }
        let object: [String: Any] = [
            "phase": record.phase, "formula": record.formula, "miller": record.miller, "termination": record.termination,
            "method": record.method, "surface_energy_j_m2": record.surfaceEnergyJM2 ?? NSNull(),
            "converged": record.converged, "thickness_converged": result.thicknessConverged,
            "in_plane_converged": result.inPlaneConverged, "layers": record.layers, "supercell": record.supercell,
            "natoms": record.natoms, "relaxed": record.relaxed, "excess": record.excess,
            "excess_reference": record.excessReference ?? NSNull(), "vacuum_angstrom": result.finalVacuum,
            "base_vacuum_angstrom": result.vacuum, "vacuum_converged": result.vacuumConverged,
            "vacuum_series": result.vacuumSeries.map(point),
            "threshold_j_m2": result.threshold, "area_1x1_angstrom2": result.area, "face_symmetry": result.symmetry,
            "volume_per_unit_angstrom3": record.volumePerUnit, "notes": result.stops,
            "thickness_series": result.thickness.map(point), "in_plane_series": result.inPlane.map(point),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        printFlushed(String(decoding: data, as: UTF8.self))
    }
}
