import Structures

/// Cuts symmetric slabs from a bulk cell (`SlabSpec`): orients the cell to the plane
/// (`SurfaceBasis`), groups its atoms into layers (`SlabLayers`), takes `layers` consecutive
/// layers that start and end with the termination and whose faces are equivalent
/// (`SlabSymmetry`), repeats them in plane and adds vacuum along z. Deterministic: the same
/// cell and spec give the same atoms in the same order. The termination "ribbons" hands the cut
/// to `RibbonSlabBuilder` (whole Pb–I ribbons of chain compounds such as δ-CsPbI3).
public enum SlabBuilder {
    /// Why a slab cannot be cut.
    public struct BuildError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func build(_ cell: Structure, spec: SlabSpec) throws -> Slab {
        guard let lattice = cell.lattice, lattice.pbc.allSatisfy({ $0 }) else {
            throw BuildError(description: "\(cell.name): a slab needs a bulk cell periodic in three directions")
        }
        guard cell.charge == 0, cell.multiplicity == 1 else {
            throw BuildError(description: "\(cell.name): slabs are cut from neutral closed-shell cells only")
        }
        guard spec.layers >= 1, spec.inPlane.0 >= 1, spec.inPlane.1 >= 1, spec.vacuum > 0 else {
            throw BuildError(description: "\(cell.name): layers and in-plane repeats must be at least 1, vacuum positive")
        }
        if spec.termination == RibbonSlabBuilder.termination { return try RibbonSlabBuilder.build(cell, spec: spec) }
        guard let termination = Composition(formula: spec.termination)?.reduced else {
            throw BuildError(description: "termination '\(spec.termination)' is not a formula such as CsI or PbI2")
        }
        let basis = try SurfaceBasis(miller: spec.miller, lattice: lattice)
        let layers = SlabLayers(oriented: try Supercell.build(cell, matrix: basis.matrix), tolerance: spec.layerTolerance)
        let names = Set(layers.layers.map { $0.composition.reduced })
        guard names.contains(termination) else {
            let known = layers.layers.map { $0.composition.reduced.description }
            throw BuildError(description: "\(cell.name) (\(spec.miller)): no layer of composition \(termination); "
                + "its layers are \(known.joined(separator: ", "))")
        }
        for start in layers.layers.indices where layers.layers[start].composition.reduced == termination {
            let stack = window(layers, start: start, count: spec.layers)
            guard stack.last!.composition.reduced == termination else { continue }
            let numbers = stack.flatMap(\.numbers), positions = stack.flatMap(\.positions)
            if let symmetry = SlabSymmetry.faceOperation(numbers: numbers, positions: positions, u: layers.u, v: layers.v) {
                return assemble(cell: cell, spec: spec, layers: layers, stack: stack, symmetry: symmetry)
            }
        }
        throw BuildError(description: "\(cell.name) (\(spec.miller)): no \(spec.layers)-layer slab terminated by "
            + "\(termination) on both faces has equivalent faces; try \(spec.layers - 1) or \(spec.layers + 1) layers")
    }

    /// `count` consecutive layers from `start`, continuing into the next periods.
    static func window(_ layers: SlabLayers, start: Int, count: Int) -> [SlabLayers.Layer] {
        let n = layers.layers.count
        return (start..<(start + count)).map { index in
            var layer = layers.layers[index % n]
            let shift = layers.w * Double(index / n)
            layer.positions = layer.positions.map { $0 + shift }
            layer.height += shift.z
            return layer
        }
    }

    static func assemble(cell: Structure, spec: SlabSpec, layers: SlabLayers, stack: [SlabLayers.Layer],
                         symmetry: String) -> Slab {
        let bottom = stack.flatMap(\.positions).map(\.z).min()!
        let top = stack.flatMap(\.positions).map(\.z).max()!
        let thickness = top - bottom
        // Bottom atoms at z = vacuum / 2; the slab's top face then sees vacuum / 2 below the image.
        let lift = Vec3(0, 0, spec.vacuum / 2 - bottom)
        var numbers: [Int] = [], positions: [Vec3] = []
        for i in 0..<spec.inPlane.0 {
            for j in 0..<spec.inPlane.1 {
                let shift = layers.u * Double(i) + layers.v * Double(j) + lift
                for layer in stack {
                    numbers.append(contentsOf: layer.numbers)
                    positions.append(contentsOf: layer.positions.map { $0 + shift })
                }
            }
        }
        let vectors = [layers.u * Double(spec.inPlane.0), layers.v * Double(spec.inPlane.1),
                       Vec3(0, 0, thickness + spec.vacuum)]
        let composition = Composition(numbers: numbers)
        let bulk = Composition(numbers: cell.atomicNumbers).reduced
        let units = composition.wholeUnits(of: bulk)
        let repeats = spec.inPlane.0 * spec.inPlane.1
        let name = "\(cell.name)-\(spec.miller)-\(spec.termination)-\(spec.layers)L-\(spec.inPlaneLabel)"
        let structure = Structure(name: name, atomicNumbers: numbers, positions: positions,
                                  charge: 0, multiplicity: 1, lattice: Lattice(vectors: vectors, pbc: [true, true, true]))
        let area = SlabLayers.length(SlabLayers.cross(vectors[0], vectors[1]))
        return Slab(structure: structure, spec: spec, layerCompositions: stack.map { repeats * $0.composition },
                    bulkUnits: units, excess: composition - units * bulk, area: area, thickness: thickness,
                    symmetry: symmetry)
    }
}

