import Foundation
import Models
import Optimization
import Structures

/// The single points a `[[surfaces]]` table needs, named and deterministic: every slab of the
/// series (layers × in-plane × vacuum, up to `maxAtoms`), the reference cells the surface study asks
/// for (oriented bulk per in-plane size) and the excess compound's bulk series (shared by the
/// surfaces that name the same excess file).
///
/// The references are found by asking the study itself (`SurfaceStudy`, `BulkStudy` from Models,
/// the code the `surface` command runs) with a source that records each structure and never lets a
/// series converge, so the plan holds whatever the formula will look up, built the same way.
public enum SurfaceStructures {
    /// One planned structure of a surface.
    public struct Item: Sendable {
        public var name: String
        public var structure: Structure
    }

    /// Every structure of `spec`, in a fixed order: per vacuum its slabs (layers-major), then the
    /// references new to it; then the excess series. A slab that cannot be cut throws the builder's error.
    public static func items(for spec: SurfaceSpec) throws -> [Item] {
        var items: [Item] = [], seen: Set<String> = []
        func add(_ name: String, _ structure: Structure) {
            guard seen.insert(structure.contentHash).inserted else { return }
            var s = structure
            s.name = name
            items.append(Item(name: name, structure: s))
        }
        let cell = namedCell(spec)
        for vacuum in spec.vacuums {
            var slabHashes: Set<String> = []
            for layers in spec.layers {
                for size in spec.inPlaneSeries {
                    let slab = try SlabBuilder.build(cell, spec: slabSpec(spec, vacuum: vacuum, layers: layers, inPlane: size))
                    guard slab.structure.count <= spec.maxAtoms else { continue }
                    slabHashes.insert(slab.structure.contentHash)
                    add("\(spec.name)/slab-\(layers)L-\(size.0)x\(size.1)-v\(label(vacuum))", slab.structure)
                }
            }
            let recorder = RecordingSource()
            _ = try study(spec, cell: cell, vacuum: vacuum, threshold: 0, excessPerUnit: 0, source: recorder).run()
            for structure in recorder.seen where !slabHashes.contains(structure.contentHash) {
                add("\(spec.name)/\(structure.name)", structure)
            }
        }
        if let excess = namedExcess(spec) {
            let recorder = RecordingSource()
            _ = try BulkStudy(source: recorder).run(excess)
            for structure in recorder.seen { add("\(excessPrefix(spec))/\(structure.name)", structure) }
        }
        return items
    }

    /// The surface study of `spec` at `vacuum`, as the `surface` command builds it.
    public static func study(_ spec: SurfaceSpec, cell: Structure, vacuum: Double, threshold: Double,
                             excessPerUnit: Double?, source: any BulkEnergySource) -> SurfaceStudy {
        SurfaceStudy(cell: cell, spec: slabSpec(spec, vacuum: vacuum, layers: 1, inPlane: (1, 1)),
                     layerSeries: spec.layers, inPlaneSeries: spec.inPlaneSeries, threshold: threshold,
                     maxAtoms: spec.maxAtoms, excessPerUnit: excessPerUnit, source: source)
    }

    /// Tasks of the excess series are named after the excess file, not the surface, so surfaces
    /// that share an excess compound share its tasks: "CsI-bulk/excess-2x2x2".
    public static func excessPrefix(_ spec: SurfaceSpec) -> String {
        ((spec.excessFile ?? "excess") as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? "excess"
    }

    /// The bulk cell named "bulk", so its reference cells are "bulk-oriented-1x1x2" and so on.
    public static func namedCell(_ spec: SurfaceSpec) -> Structure {
        var cell = spec.cell
        cell.name = "bulk"
        return cell
    }

    /// The excess compound's cell named "excess" ("excess-2x2x2" …), nil without one.
    public static func namedExcess(_ spec: SurfaceSpec) -> Structure? {
        spec.excessCell.map { var c = $0; c.name = "excess"; return c }
    }

    static func slabSpec(_ spec: SurfaceSpec, vacuum: Double, layers: Int, inPlane: (Int, Int)) -> SlabSpec {
        SlabSpec(miller: MillerIndex(spec.miller)!, termination: spec.termination, layers: layers, inPlane: inPlane,
                 vacuum: vacuum)
    }

    /// "20" for 20 Å, "12.5" for 12.5 Å.
    public static func label(_ vacuum: Double) -> String { String(format: "%g", vacuum) }
}

/// A source that answers every energy with a new, distant number (so no series converges) and
/// remembers each structure asked for.
final class RecordingSource: BulkEnergySource {
    /// Thrown if a study asks to relax (surfaces are bulk-cut).
    struct PlanningOnly: Error {}

    private(set) var seen: [Structure] = []

    func validate(_ structure: Structure) throws {}

    func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        seen.append(supercell)
        return SupercellEnergy(energy: -1000 * Double(seen.count * seen.count), seconds: 0)
    }

    func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        throw PlanningOnly()
    }
}
