import Structures

/// The whole units of a chain compound seen from a plane that contains the chain axis: each unit is
/// one metal–halide ribbon (a bonded component, infinite along the chain axis and finite across it)
/// with the cations nearest to its axis (`RibbonCations`), in the frame of `SlabLayers` (normal = z). Units
/// at the same height form one unit layer; a slab is a stack of whole unit layers.
struct RibbonUnits {
    /// One unit: its atoms (element, position in the rotated frame) and the height of its centroid.
    typealias Unit = SlabLayers.Layer

    /// In-plane vectors and the stacking vector in the rotated frame (those of `SlabLayers`).
    let u: Vec3
    let v: Vec3
    let w: Vec3
    /// The oriented cell's frame (its own atom layers are not used).
    let frame: SlabLayers
    /// The chain axis as a lattice vector of the bulk cell.
    let chainAxis: [Int]
    /// Unit layers of one period, by height in [−sameHeight, w.z − sameHeight) (a unit at a height
    /// of w.z − 1e-15 is one at 0): units whose centroids lie within `sameHeight` of each other
    /// are merged.
    let layers: [Unit]

    static let sameHeight = 0.05

    /// Why the cell cannot be cut into ribbon units along the plane.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    init(cell: Structure, basis: SurfaceBasis, cutoff: Double) throws {
        let oriented = try Supercell.build(cell, matrix: basis.matrix)
        let lattice = oriented.lattice!
        frame = SlabLayers(oriented: oriented, tolerance: 0)
        (u, v, w) = (frame.u, frame.v, frame.w)
        let network = BondNetwork.metalHalide(cell: oriented, cutoff: cutoff)
        guard !network.components.isEmpty else {
            throw Refusal(description: "\(cell.name): no metal–halide bonds shorter than \(cutoff) Å")
        }
        let ranks = Set(network.components.map(\.periods.count))
        guard ranks == [1] else {
            let shape = ranks.map { ["isolated units", "chains", "sheets", "a 3-D framework"][$0] }.sorted()
            throw Refusal(description: "\(cell.name): its metal–halide network forms \(shape.joined(separator: " and ")) "
                + "(bonds < \(cutoff) Å), not chains; ribbon slabs need 1-D chains")
        }
        let axes = Set(network.components.map { $0.periods[0] })
        guard axes.count == 1, let axis = axes.first else {
            throw Refusal(description: "\(cell.name): its chains do not all run along one axis")
        }
        // The axis in the bulk cell's basis: rows of the oriented cell are u, v, w in bulk coordinates.
        let rows = basis.rows
        let bulkAxis = (0..<3).map { k in axis.x * rows[0][k] + axis.y * rows[1][k] + axis.z * rows[2][k] }
        chainAxis = Self.primitive(bulkAxis)
        guard axis.z == 0 else {
            throw Refusal(description: "\(cell.name): the plane cuts the chains, which run along "
                + "[\(chainAxis.map(String.init).joined())]; planes (hkl) with h·\(chainAxis) = 0 contain them")
        }
        let rotate = Self.rotation(lattice)
        let direction = SlabLayers.unit(rotate(lattice.cartesian(fromFractional: SIMD3<Double>(axis))))
        var units: [(numbers: [Int], positions: [Vec3])] = network.components.map { c in
            (c.atoms.map { oriented.atomicNumbers[$0] },
             c.atoms.indices.map { rotate(oriented.positions[c.atoms[$0]] + lattice.cartesian(fromFractional: SIMD3<Double>(c.images[$0]))) })
        }
        let centres = units.map { Self.centroid($0.positions) }
        for group in try RibbonCations.groups(oriented, spectators: network.spectators, rotate: rotate) {
            let (owner, shift) = try RibbonCations.owner(of: Self.centroid(group.positions), centres: centres,
                                                         direction: direction, u: u, v: v, w: w, name: cell.name)
            units[owner].numbers += group.numbers
            units[owner].positions += group.positions.map { $0 + shift }
        }
        let bulk = Composition(numbers: cell.atomicNumbers).reduced
        for unit in units where Composition(numbers: unit.numbers).reduced != bulk {
            throw Refusal(description: "\(cell.name): a ribbon with its nearest cations is "
                + "\(Composition(numbers: unit.numbers)), not whole \(bulk) units")
        }
        let stacking = frame.w
        layers = Self.layers(units.map { Self.wrapped($0, w: stacking) })
    }

    /// The unit moved by whole stacking vectors so its centroid height is in
    /// [−sameHeight, w.z − sameHeight).
    private static func wrapped(_ unit: (numbers: [Int], positions: [Vec3]), w: Vec3) -> Unit {
        let height = centroid(unit.positions).z
        let shift = w * ((height + sameHeight) / w.z).rounded(.down)
        return Unit(numbers: unit.numbers, positions: unit.positions.map { $0 - shift }, height: height - shift.z)
    }

    /// Units at the same height merged into one layer, sorted by height (then by first element and
    /// position, so the order does not depend on the bond search).
    private static func layers(_ units: [Unit]) -> [Unit] {
        let sorted = units.sorted { ($0.height, $0.positions[0].x, $0.positions[0].y) < ($1.height, $1.positions[0].x, $1.positions[0].y) }
        var layers: [Unit] = []
        for unit in sorted {
            if let last = layers.last, unit.height - last.height < sameHeight {
                layers[layers.count - 1].numbers += unit.numbers
                layers[layers.count - 1].positions += unit.positions
            } else {
                layers.append(unit)
            }
        }
        return layers
    }

    /// The rotation of `SlabLayers`: first cell vector along x, the plane normal along z.
    static func rotation(_ lattice: Lattice) -> (Vec3) -> Vec3 {
        let vectors = lattice.vectors
        let e1 = SlabLayers.unit(vectors[0])
        let e3 = SlabLayers.unit(SlabLayers.cross(vectors[0], vectors[1]))
        let e2 = SlabLayers.cross(e3, e1)
        return { r in Vec3((r * e1).sum(), (r * e2).sum(), (r * e3).sum()) }
    }

    static func centroid(_ positions: [Vec3]) -> Vec3 {
        positions.reduce(Vec3.zero, +) / Double(positions.count)
    }

    private static func primitive(_ v: [Int]) -> [Int] {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
        let g = max(v.reduce(0, gcd), 1)
        return v.map { $0 / g }
    }
}
