import Foundation

extension SurfaceStudy {
    /// Stated with every result: what bench/pbc found about periodic xTB electrostatics.
    public static let electrostaticsNote = "periodic xTB electrostatics (tblite 0.8.0): energies per unit depend on the summation range; "
        + "for NaCl (001) tblite's γ was 0.13–0.18 J/m² below a molecular-cluster reference even at 80 Å vacuum (docs/surfaces.md, Vacuum)"

    /// Recomputes the final size (thickness and its thinner partner, same in-plane repeats) at the
    /// vacua of `vacuumRule`, γ from the slope at each vacuum, until three consecutive γ agree.
    /// Records why the vacuum was not tested or did not converge in `result.stops`.
    func vacuumLoop(layers: Int, thinner: Int?, inPlane: (Int, Int), bulkCache: inout [String: Double],
                    into result: inout SurfaceStudyResult, onPoint: ((SurfacePoint) -> Void)? = nil) throws {
        guard let base = result.final else { return }
        result.stops.append(Self.electrostaticsNote)
        guard let rule = vacuumRule, !rule.vacua(after: spec.vacuum).isEmpty else {
            result.stops.append(String(format: "vacuum convergence not tested (%.0f Å only): tblite slab energies move with the vacuum (docs/surfaces.md)",
                                       spec.vacuum))
            return
        }
        guard let thinner, base.slopePerUnit != nil else {
            result.stops.append("vacuum convergence not tested: it needs two thicknesses (γ from the slope at each vacuum)")
            return
        }
        result.vacuumSeries = [base]
        for vacuum in rule.vacua(after: spec.vacuum) {
            guard let partner = try step(layers: thinner, inPlane: inPlane, previous: nil, vacuum: vacuum,
                                         bulkCache: &bulkCache, into: &result),
                  let point = try step(layers: layers, inPlane: inPlane, previous: result.vacuumSeries.last, thinner: partner,
                                       vacuum: vacuum, bulkCache: &bulkCache, into: &result) else { break }
            result.vacuumSeries.append(point)
            onPoint?(point)
            if rule.isConverged(result.vacuumSeries) {
                result.vacuumConverged = true
                break
            }
        }
        guard !result.vacuumConverged else { return }
        let series = result.vacuumSeries.map { p in
            String(format: "%.0f Å: %@", p.vacuum, p.surfaceEnergy.map { String(format: "%.4f", $0) } ?? "n/a")
        }
        result.stops.append("vacuum NOT converged to \(rule.threshold) J/m² (γ at " + series.joined(separator: ", ") + ")")
    }
}
