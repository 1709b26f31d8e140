import Analysis
import Foundation
import Models
import Reports
import Store

/// The size-aware fields of `verdict --json`: per phase the stored surface and interface energies,
/// and L* (cube edge, sphere diameter, nm) for bare particles and for particles in the glass, with
/// its uncertainty terms (VerdictCriticalSizes says where each σ comes from).
///
/// With no energies per area stored, `critical_size_nm` is {value: null, reason}.
enum VerdictCriticalSize {
    static func fields(for v: VerdictRecord, surfaces: [SurfaceEnergyRecord]) -> [String: Any] {
        if let model = v.sizeModel { return fields(v, model) }
        let sizes = VerdictCriticalSizes(verdict: v, surfaces: surfaces, slabThreshold: SurfaceStudy.defaultThreshold)
        return [
            "cluster_criterion": "the paper's (Li et al., Nat. Commun. 14, 7612 (2023)): ΔΔE of one exchange vs n × bulk",
            "phases": [v.activePhase: phase(v.activePhase, surfaces, sizes),
                       v.inactivePhase: phase(v.inactivePhase, surfaces, sizes)],
            "critical_size_nm_bare": size(sizes, "surface"),
            "critical_size_nm": size(sizes, "interface"),
        ]
    }

    /// The fields from a stored nanocrystal size model: L* and the energies per area come from it,
    /// and `size_model` carries it whole (every point with its calculation row).
    private static func fields(_ v: VerdictRecord, _ model: VerdictSizeModel) -> [String: Any] {
        func phase(_ name: String) -> [String: Any] {
            let p = model.phases.first { $0.name == name }
            var fields: [String: Any] = ["surface_energy_j_m2": p?.surfaceEnergyJM2 ?? NSNull(),
                                         "interface_energy_j_m2": p?.interfaceEnergyJM2 ?? NSNull()]
            if let face = p?.faceInterfaceEnergyJM2 { fields["face_interface_energy_j_m2"] = face }
            return fields
        }
        return [
            "cluster_criterion": "the paper's (Li et al., Nat. Commun. 14, 7612 (2023)): ΔΔE of one exchange vs n × bulk",
            "critical_size_source": "molecular nanocrystals (docs/surfaces.md §8)",
            "phases": [v.activePhase: phase(v.activePhase), v.inactivePhase: phase(v.inactivePhase)],
            "critical_size_nm_bare": band(model.bare),
            "critical_size_nm": model.glass.map(band) ?? ["value": NSNull(), "reason": "no exchange energies yet"],
            "size_model": (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(model))) ?? NSNull(),
        ]
    }

    /// {cube, sphere, outcome, text, sigma_nm, band_nm, uncertainty_terms, uncertainty_unknown} of a stored band.
    private static func band(_ b: VerdictSizeModel.Band) -> [String: Any] {
        let shown = VerdictCriticalSizes.band(b)
        return ["cube": b.cubeNm ?? NSNull(), "sphere": b.sphereNm ?? NSNull(), "outcome": b.outcome, "text": shown.text,
                "sigma_nm": b.sigmaNm ?? NSNull(), "band_nm": shown.interval.map { [$0.low, $0.high] } ?? NSNull(),
                "uncertainty_unknown": b.unknownTerms, "later_crossings_nm": b.laterCrossingsNm,
                "uncertainty_terms": b.terms.map { ["name": $0.name, "share_nm": $0.shareNm ?? NSNull()] as [String: Any] }]
    }

    private static func phase(_ name: String, _ all: [SurfaceEnergyRecord], _ sizes: VerdictCriticalSizes) -> [String: Any] {
        let rows = all.filter { $0.phase == name }
        return ["surface_energy_j_m2": sizes.lowest(name, "surface")?.surfaceEnergyJM2 ?? NSNull(),
                "interface_energy_j_m2": sizes.lowest(name, "interface")?.surfaceEnergyJM2 ?? NSNull(),
                "surfaces": rows.map { ["kind": $0.kind, "miller": $0.miller, "termination": $0.termination,
                                        "method": $0.method, "energy_j_m2": $0.surfaceEnergyJM2 ?? NSNull(),
                                        "converged": $0.converged, "layers": $0.layers, "supercell": $0.supercell,
                                        "excess_reference": $0.excessReference ?? NSNull(), "notes": $0.notes] as [String: Any] }]
    }

    /// {cube, sphere, outcome, sigma_nm, band_nm, uncertainty_terms, uncertainty_unknown, converged_inputs, text}
    /// or {value: null, reason}.
    private static func size(_ sizes: VerdictCriticalSizes, _ kind: String) -> [String: Any] {
        let estimates: [CriticalSizeEstimate]
        switch sizes.estimates(kind) {
        case .success(let e): estimates = e
        case .failure(let failure): return ["value": NSNull(), "reason": failure.reason]
        }
        let band = CriticalSizeBand(estimates: estimates)
        var result: [String: Any] = ["outcome": band.outcome, "text": band.text,
                                     "sigma_nm": band.sigmaNm ?? NSNull(), "uncertainty_unknown": band.unknownTerms,
                                     "band_nm": band.interval.map { [$0.low, $0.high] } ?? NSNull()]
        for estimate in estimates {
            result[estimate.model.shape.rawValue] = estimate.sizeNm ?? NSNull()
        }
        result["uncertainty_terms"] = (estimates.first?.terms ?? []).map {
            ["name": $0.name, "input": $0.input.rawValue, "sigma": $0.sigma ?? NSNull()] as [String: Any]
        }
        let rows = [sizes.lowest(sizes.verdict.activePhase, kind), sizes.lowest(sizes.verdict.inactivePhase, kind)]
        result["converged_inputs"] = rows.allSatisfy { $0?.converged ?? false }
        return result
    }
}
