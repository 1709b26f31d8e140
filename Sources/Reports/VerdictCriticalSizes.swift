import Analysis
import Foundation
import Store

/// L* of one verdict from the stored energies per area: for particles in the glass (interface rows)
/// and bare (surface rows), each with its named uncertainty terms (docs/reports.md, "Critical size").
///
/// Per phase the boundary energy is its lowest stored γ of that kind (an equilibrium particle shows
/// its lowest-energy facets), GFN2 rows first when there are any; the bulk difference is the
/// verdict's own. Uncertainty terms and where their σ comes from:
/// - supercell convergence (bulk): the convergence threshold when the verdict's bulk series
///   converged, else unknown;
/// - slab convergence (per phase): `slabThreshold` (the `surface` command's default) when the row's
///   series converged, else unknown (the row does not store the threshold it ran with; nil: unknown);
/// - GFN2 vs GFN1 (per phase): |γ(GFN2) − γ(GFN1)| of the same phase, kind, plane and termination
///   when both are stored, else unknown;
/// - vacuum convergence (per phase): unknown while the row's notes say it was not tested;
/// - configuration spread (per phase, interfaces only): the standard deviation over that phase's
///   interface rows of the same method when there are at least two, else unknown.
public struct VerdictCriticalSizes {
    /// Threshold of the bulk convergence rule, kJ/mol per formula unit (docs/bulk.md).
    public static let bulkThresholdKJ = 0.5

    public let verdict: VerdictRecord
    public let surfaces: [SurfaceEnergyRecord]
    public let slabThreshold: Double?

    public init(verdict: VerdictRecord, surfaces: [SurfaceEnergyRecord], slabThreshold: Double?) {
        self.verdict = verdict
        self.surfaces = surfaces
        self.slabThreshold = slabThreshold
    }

    /// The chosen row of `phase` and `kind` ("surface", "interface").
    public func lowest(_ phase: String, _ kind: String) -> SurfaceEnergyRecord? {
        let rows = surfaces.filter { $0.phase == phase && $0.kind == kind && $0.surfaceEnergyJM2 != nil }
        let gfn2 = rows.filter { $0.method.lowercased() == "gfn2" }
        return (gfn2.isEmpty ? rows : gfn2).min { $0.surfaceEnergyJM2! < $1.surfaceEnergyJM2! }
    }

    /// One estimate per shape, or why there is none.
    public func estimates(_ kind: String) -> Result<[CriticalSizeEstimate], CriticalSizeFailure> {
        guard let bulk = verdict.bulkKJPerUnit else { return .failure(.init(reason: "no bulk difference")) }
        let (a, i) = (verdict.activePhase, verdict.inactivePhase)
        guard let ra = lowest(a, kind), let ri = lowest(i, kind), let ga = ra.surfaceEnergyJM2,
              let gi = ri.surfaceEnergyJM2 else {
            let missing = lowest(a, kind) == nil ? a : i
            return .failure(.init(reason: "no stored \(missing) \(kind) energy per area"))
        }
        let terms = [UncertaintyTerm(name: "supercell convergence", input: .bulk,
                                     sigma: verdict.bulkConverged == true ? Self.bulkThresholdKJ : nil)]
            + phaseTerms(ra, .activeBoundary) + phaseTerms(ri, .inactiveBoundary)
        return .success(ParticleShape.allCases.map { shape in
            CriticalSizeEstimate(model: CriticalSize(
                active: ParticlePhase(name: a, bulkKJPerMol: -bulk, volumePerUnit: ra.volumePerUnit, boundaryJPerM2: ga),
                inactive: ParticlePhase(name: i, bulkKJPerMol: 0, volumePerUnit: ri.volumePerUnit, boundaryJPerM2: gi),
                shape: shape), terms: terms)
        })
    }

    /// The band scored against measured sizes (glass: "interface") or shown beside it (bare: "surface").
    /// A verdict with a nanocrystal size model takes L* from it (its bulk and boundary terms come
    /// from one kind of calculation); otherwise from the slab rows and the periodic bulk difference.
    public func band(_ kind: String) -> CriticalSizeBand {
        if let model = verdict.sizeModel {
            guard let stored = kind == "surface" ? model.bare : model.glass else {
                return CriticalSizeBand.unknown("no exchange energies yet for the particles in the glass")
            }
            return Self.band(stored)
        }
        switch estimates(kind) {
        case .success(let estimates): return CriticalSizeBand(estimates: estimates)
        case .failure(let failure): return .unknown(failure.reason)
        }
    }

    /// A stored nanocrystal band as the band `compare` and the report read.
    /// An L* only when both shapes have one (a crossing for one shape alone is not a result).
    public static func band(_ b: VerdictSizeModel.Band) -> CriticalSizeBand {
        guard let cube = b.cubeNm, let sphere = b.sphereNm else {
            return CriticalSizeBand(outcome: b.outcome, lowNm: nil, highNm: nil, sigmaNm: nil, unknownTerms: b.unknownTerms,
                                    reason: b.reason ?? "no critical size: \(b.outcome)")
        }
        return CriticalSizeBand(outcome: b.outcome, lowNm: min(cube, sphere), highNm: max(cube, sphere), sigmaNm: b.sigmaNm,
                                unknownTerms: b.unknownTerms, reason: b.reason)
    }

    private func phaseTerms(_ row: SurfaceEnergyRecord, _ input: UncertaintyTerm.Input) -> [UncertaintyTerm] {
        let p = row.phase
        var terms = [UncertaintyTerm(name: "slab convergence (\(p))", input: input, sigma: row.converged ? slabThreshold : nil)]
        let other = surfaces.first {
            $0.phase == p && $0.kind == row.kind && $0.miller == row.miller && $0.termination == row.termination
                && $0.method.lowercased() != row.method.lowercased() && $0.surfaceEnergyJM2 != nil
        }
        terms.append(UncertaintyTerm(name: "GFN2 vs GFN1 (\(p))", input: input,
                                     sigma: other.map { abs($0.surfaceEnergyJM2! - row.surfaceEnergyJM2!) }))
        if row.notes.contains("vacuum convergence not tested") {
            terms.append(UncertaintyTerm(name: "vacuum convergence (\(p))", input: input, sigma: nil))
        }
        if row.kind == "interface" {
            let values = surfaces.filter { $0.phase == p && $0.kind == "interface" && $0.method == row.method }
                .compactMap(\.surfaceEnergyJM2)
            terms.append(UncertaintyTerm(name: "configuration spread (\(p))", input: input,
                                         sigma: values.count >= 2 ? Self.standardDeviation(values) : nil))
        }
        return terms
    }

    /// Sample standard deviation (n − 1).
    static func standardDeviation(_ x: [Double]) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)).squareRoot()
    }
}

/// Why a verdict has no critical size.
public struct CriticalSizeFailure: Error, Sendable {
    public var reason: String
}
