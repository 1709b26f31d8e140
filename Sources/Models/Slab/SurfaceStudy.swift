import Foundation
import Structures

/// A surface energy converged over slab thickness, then over the in-plane Γ-point supercell.
///
/// γ comes from the slope of the slab energy over bulk units between consecutive thicknesses at the
/// same in-plane size (Fiorentini & Methfessel, J. Phys.: Condens. Matter 8, 6525 (1996)): the
/// Γ-point energy per unit of a periodic bulk converges slowly along every periodic direction
/// (measured, NaCl GFN2: 2×2×1 → 2×2×4 conventional cells moves 3.8 mEh per NaCl), while the slab is
/// finite along the normal, so a separately computed bulk reference makes γ drift with thickness.
/// The direct γ (kept beside it) uses as bulk reference the oriented bulk cell with the same in-plane repeats (and at least
/// 10 Å along the stacking direction), so the in-plane Γ-point sampling error of slab and bulk is the
/// same and cancels as far as it can; the in-plane loop then shows what is left. For cubic cells the
/// in-plane series uses even repeats only — the guard of the bulk series (`SupercellSeries.cubicEven`):
/// odd repeats miss the band edges at the zone boundary and agree or disagree by accident.
public struct SurfaceStudy {
    public var cell: Structure
    /// Plane, termination and vacuum; `layers` and `inPlane` are taken from the series.
    public var spec: SlabSpec
    public var layerSeries: [Int]
    public var inPlaneSeries: [(Int, Int)]
    /// Consecutive γ within this (J/m²) count as converged.
    public var threshold: Double
    /// No slab with more atoms is computed.
    public var maxAtoms: Int
    /// μ of one reduced excess unit (Eh), for non-stoichiometric slabs.
    public var excessPerUnit: Double?
    public let source: any BulkEnergySource
    /// The vacua tried for the final size (`VacuumRule`); nil: vacuum not tested.
    public var vacuumRule: VacuumRule?

    public static let defaultThreshold = 0.01

    public init(cell: Structure, spec: SlabSpec, layerSeries: [Int], inPlaneSeries: [(Int, Int)], threshold: Double,
                maxAtoms: Int, excessPerUnit: Double?, source: any BulkEnergySource, vacuumRule: VacuumRule? = nil) {
        self.cell = cell
        self.spec = spec
        self.layerSeries = layerSeries
        self.inPlaneSeries = inPlaneSeries
        self.threshold = threshold
        self.maxAtoms = maxAtoms
        self.excessPerUnit = excessPerUnit
        self.source = source
        self.vacuumRule = vacuumRule
    }

    /// Default in-plane series: even repeats for cubic cells (2x2, 4x4, 6x6), else 1x1, 2x2, 3x3.
    public static func defaultInPlane(for cell: Structure) -> [(Int, Int)] {
        guard let lattice = cell.lattice, SupercellSeries.isCubic(lattice) else { return [(1, 1), (2, 2), (3, 3)] }
        return [(2, 2), (4, 4), (6, 6)]
    }

    /// Runs the thickness loop at the first in-plane size, then the in-plane loop at the converged
    /// (or last computed) thickness. A failed calculation ends the loop it is in, with its message.
    public func run(onPoint: ((SurfacePoint) -> Void)? = nil) throws -> SurfaceStudyResult {
        var result = SurfaceStudyResult(miller: spec.miller.description, termination: spec.termination,
                                        vacuum: spec.vacuum, threshold: threshold)
        var bulkCache: [String: Double] = [:]
        let first = inPlaneSeries.first ?? (1, 1)
        var layers = layerSeries.first ?? 5
        for (index, count) in layerSeries.enumerated() {
            guard let point = try step(layers: count, inPlane: first, previous: result.thickness.last,
                                       thinner: result.thickness.last, bulkCache: &bulkCache, into: &result) else { break }
            result.thickness.append(point)
            onPoint?(point)
            layers = count
            if index > 0, let change = point.change, abs(change) < threshold { result.thicknessConverged = true; break }
        }
        var last = result.thickness.last
        let thinner = layerSeries.firstIndex(of: layers).flatMap { $0 > 0 ? layerSeries[$0 - 1] : nil }
        for inPlane in inPlaneSeries.dropFirst() {
            var partner: SurfacePoint?
            if let thinner {
                guard let p = try step(layers: thinner, inPlane: inPlane, previous: nil, bulkCache: &bulkCache,
                                       into: &result) else { break }
                partner = p
            }
            guard let point = try step(layers: layers, inPlane: inPlane, previous: last, thinner: partner,
                                       bulkCache: &bulkCache, into: &result) else { break }
            result.inPlane.append(point)
            onPoint?(point)
            last = point
            if let change = point.change, abs(change) < threshold { result.inPlaneConverged = true; break }
        }
        if inPlaneSeries.count < 2 { result.stops.append("one in-plane size only: in-plane convergence not tested") }
        try vacuumLoop(layers: layers, thinner: thinner, inPlane: result.inPlane.isEmpty ? first : inPlaneSeries[result.inPlane.count],
                       bulkCache: &bulkCache, into: &result, onPoint: onPoint)
        return result
    }

    /// One slab and its γ; nil (with a stop recorded) when the cap or a failure ends the loop.
    func step(layers: Int, inPlane: (Int, Int), previous: SurfacePoint?, thinner: SurfacePoint? = nil,
              vacuum: Double? = nil, bulkCache: inout [String: Double],
              into result: inout SurfaceStudyResult) throws -> SurfacePoint? {
        var slabSpec = spec
        slabSpec.vacuum = vacuum ?? spec.vacuum
        slabSpec.layers = layers
        slabSpec.inPlane = inPlane
        let slab = try SlabBuilder.build(cell, spec: slabSpec)
        result.excess = slab.excess.description
        result.symmetry = slab.symmetry
        guard slab.structure.count <= maxAtoms else {
            result.stops.append("\(layers) layers \(slabSpec.inPlaneLabel) (\(slab.structure.count) atoms) exceeds the cap of \(maxAtoms) atoms")
            return nil
        }
        do {
            let bulk = try bulkPerUnit(inPlane: inPlane, cache: &bulkCache)
            let energy = try source.energy(of: slab.structure, builtFrom: cell)
            let direct = SurfaceEnergy.joulesPerSquareMetre(slabEnergy: energy.energy, slab: slab, bulkPerUnit: bulk,
                                                             excessPerUnit: excessPerUnit)
            var slope: Double?
            if let thinner, thinner.bulkUnits != slab.bulkUnits {
                slope = (energy.energy - thinner.energy) / Double(slab.bulkUnits - thinner.bulkUnits)
            }
            let gamma = slope.map {
                SurfaceEnergy.joulesPerSquareMetre(slabEnergy: energy.energy, slab: slab, bulkPerUnit: $0,
                                                   excessPerUnit: excessPerUnit)
            } ?? direct
            // Changes only between γ of the same definition (both from a slope).
            let change: Double? = if let gamma, slope != nil, previous?.slopePerUnit != nil,
                                     let before = previous?.surfaceEnergy { gamma - before } else { nil }
            result.area = slab.area / Double(inPlane.0 * inPlane.1)
            return SurfacePoint(layers: layers, supercell: slabSpec.inPlaneLabel, atoms: slab.structure.count,
                                energy: energy.energy, bulkPerUnit: bulk, bulkUnits: slab.bulkUnits,
                                surfaceEnergy: gamma, surfaceEnergyDirect: direct, slopePerUnit: slope, change: change,
                                seconds: energy.seconds, cached: energy.cached, structureHash: slab.structure.contentHash,
                                vacuum: slabSpec.vacuum)
        } catch {
            result.stops.append("\(layers) layers \(slabSpec.inPlaneLabel) failed: \(BulkStudy.describe(error))")
            return nil
        }
    }

    /// Energy per formula unit of the oriented bulk cell with the slab's in-plane repeats.
    private func bulkPerUnit(inPlane: (Int, Int), cache: inout [String: Double]) throws -> Double {
        let key = "\(inPlane.0)x\(inPlane.1)"
        if let value = cache[key] { return value }
        let basis = try SurfaceBasis(miller: spec.miller, lattice: cell.lattice!)
        let oriented = try Supercell.build(cell, matrix: basis.matrix)
        let height = SupercellSeries.faceWidths(oriented.lattice!)[2]
        let periods = max(2, Int((10 / height).rounded(.up)))
        let bulk = try Supercell.build(oriented, matrix: .diagonal(inPlane.0, inPlane.1, periods))
        let energy = try source.energy(of: bulk, builtFrom: cell)
        let value = energy.energy / Double(Composition(numbers: bulk.atomicNumbers).units)
        cache[key] = value
        return value
    }
}

