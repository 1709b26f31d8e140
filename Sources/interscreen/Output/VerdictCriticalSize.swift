import Analysis
import Foundation
import Store

/// The size-aware fields of `verdict --json`: per phase the stored surface and interface energies,
/// and L* (cube edge, sphere diameter, nm) for bare particles and for particles in the glass.
///
/// Each phase's boundary energy is its lowest stored γ (an equilibrium particle shows its
/// lowest-energy facets); the bulk difference is the verdict's own (E_inactive − E_active per unit).
/// With no interface energies stored, `critical_size_nm` is null and says why.
enum VerdictCriticalSize {
    static func fields(for v: VerdictRecord, surfaces: [SurfaceEnergyRecord]) -> [String: Any] {
        let active = surfaces.filter { $0.phase == v.activePhase }
        let inactive = surfaces.filter { $0.phase == v.inactivePhase }
        var fields: [String: Any] = [
            "cluster_criterion": "the paper's (Li et al., Nat. Commun. 14, 7612 (2023)): ΔΔE of one exchange vs n × bulk",
            "phases": [v.activePhase: phase(active), v.inactivePhase: phase(inactive)],
        ]
        fields["critical_size_nm_bare"] = size(v, lowest(active, "surface"), lowest(inactive, "surface"))
        fields["critical_size_nm"] = size(v, lowest(active, "interface"), lowest(inactive, "interface"))
        return fields
    }

    private static func phase(_ rows: [SurfaceEnergyRecord]) -> [String: Any] {
        ["surface_energy_j_m2": lowest(rows, "surface")?.surfaceEnergyJM2 ?? NSNull(),
         "interface_energy_j_m2": lowest(rows, "interface")?.surfaceEnergyJM2 ?? NSNull(),
         "surfaces": rows.map { ["kind": $0.kind, "miller": $0.miller, "termination": $0.termination,
                                 "method": $0.method, "energy_j_m2": $0.surfaceEnergyJM2 ?? NSNull(),
                                 "converged": $0.converged, "layers": $0.layers, "supercell": $0.supercell,
                                 "excess_reference": $0.excessReference ?? NSNull(), "notes": $0.notes] as [String: Any] }]
    }

    private static func lowest(_ rows: [SurfaceEnergyRecord], _ kind: String) -> SurfaceEnergyRecord? {
        rows.filter { $0.kind == kind && $0.surfaceEnergyJM2 != nil }.min { $0.surfaceEnergyJM2! < $1.surfaceEnergyJM2! }
    }

    /// {cube, sphere, outcome, units, included, unknown} or {value: null, reason}.
    private static func size(_ v: VerdictRecord, _ a: SurfaceEnergyRecord?, _ i: SurfaceEnergyRecord?) -> Any {
        guard let bulk = v.bulkKJPerUnit else { return ["value": NSNull(), "reason": "no bulk difference"] }
        guard let a, let i, let ga = a.surfaceEnergyJM2, let gi = i.surfaceEnergyJM2 else {
            return ["value": NSNull(), "reason": "no stored \(a == nil ? v.activePhase : v.inactivePhase) energy per area"]
        }
        var result: [String: Any] = [:]
        for shape in ParticleShape.allCases {
            let model = CriticalSize(
                active: ParticlePhase(name: v.activePhase, bulkKJPerMol: -bulk, volumePerUnit: a.volumePerUnit, boundaryJPerM2: ga),
                inactive: ParticlePhase(name: v.inactivePhase, bulkKJPerMol: 0, volumePerUnit: i.volumePerUnit, boundaryJPerM2: gi),
                shape: shape)
            result[shape.rawValue] = model.outcome.sizeNm ?? NSNull()
            result["outcome"] = model.outcome.label
        }
        var unknown = ["configuration spread", "GFN2 vs GFN1", "vacuum convergence"]
        if !(a.converged && i.converged) { unknown.append("slab convergence (a series did not converge)") }
        result["uncertainty_unknown"] = unknown
        result["converged_inputs"] = a.converged && i.converged
        return result
    }
}
