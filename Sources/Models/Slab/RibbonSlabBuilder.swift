import Structures

/// Slabs of whole ribbons for chain compounds such as δ-CsPbI3 (edge-sharing Pb2I6 double chains):
/// a plane that contains the chain axis is cut between ribbons, never through a Pb–I bond. Each
/// ribbon with its nearest cations is one stoichiometric unit (`RibbonUnits`); `layers` consecutive
/// unit layers whose faces are related by a z-flipping operation (`SlabSymmetry`) are repeated in
/// plane, with the vacuum along z. Asked for through `SlabBuilder` with the termination "ribbons".
public enum RibbonSlabBuilder {
    /// The termination name that selects this cut in a `SlabSpec`.
    public static let termination = "ribbons"
    /// Metal–halide bonds shorter than this (Å) hold a ribbon together (δ-CsPbI3: Pb–I 3.04–3.38 Å,
    /// next Pb–I 5.32 Å).
    public static let bondCutoff = 3.6

    public static func build(_ cell: Structure, spec: SlabSpec) throws -> Slab {
        let basis = try SurfaceBasis(miller: spec.miller, lattice: cell.lattice!)
        let units: RibbonUnits
        do {
            units = try RibbonUnits(cell: cell, basis: basis, cutoff: bondCutoff)
        } catch let refusal as RibbonUnits.Refusal {
            throw SlabBuilder.BuildError(description: "\(refusal.description) (\(spec.miller), termination \(termination))")
        }
        for start in units.layers.indices {
            let stack = window(units.layers, w: units.w, start: start, count: spec.layers)
            let numbers = stack.flatMap(\.numbers), positions = stack.flatMap(\.positions)
            if let symmetry = SlabSymmetry.faceOperation(numbers: numbers, positions: positions, u: units.u, v: units.v) {
                return SlabBuilder.assemble(cell: cell, spec: spec, layers: units.frame, stack: stack, symmetry: symmetry)
            }
        }
        throw SlabBuilder.BuildError(description: "\(cell.name) (\(spec.miller)): \(spec.layers) ribbon layers are "
            + "stoichiometric but no choice of them has equivalent faces; try \(spec.layers - 1) or \(spec.layers + 1)")
    }

    /// `count` consecutive unit layers from `start`, continuing into the next periods.
    static func window(_ layers: [RibbonUnits.Unit], w: Vec3, start: Int, count: Int) -> [RibbonUnits.Unit] {
        (start..<(start + count)).map { index in
            var layer = layers[index % layers.count]
            let shift = w * Double(index / layers.count)
            layer.positions = layer.positions.map { $0 + shift }
            layer.height += shift.z
            return layer
        }
    }
}
