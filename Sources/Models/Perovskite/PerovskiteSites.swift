import Structures

/// A bulk cell seen as perovskite sites: every metal and halide atom is a site, and every
/// molecular cation (CH3NH3⁺, HC(NH2)2⁺ …: atoms of H, C, N, O joined by bonds, unwrapped
/// across the cell) is one site at its centroid, carried whole. In `cell` a molecule is a
/// pseudo-atom with atomic number 0, so the cut works on sites and expands them at the end.
struct PerovskiteSites {
    /// Atomic number standing for the molecular cation in `cell`.
    static let molecular = 0

    /// One atom per site (molecules: Z = 0 at the centroid, wrapped into the cell).
    let cell: Structure
    /// Atoms of each site of `cell`: (atomic number, offset from the site position); C first,
    /// then heavier atoms, H last, each group by distance from the centroid, then x, y, z.
    let members: [[(z: Int, offset: Vec3)]]
    /// Formula of the molecular cation (Hill order, "CH5N2"), nil when there is none.
    let molecule: String?

    init(_ input: Structure) throws {
        guard let lattice = input.lattice, input.isPeriodic else {
            throw ModelBuildError("\(input.name): a perovskite fragment is cut from a periodic cell (Lattice= or a CIF)")
        }
        let z = input.atomicNumbers
        let organic = { (i: Int) in [1, 6, 7, 8].contains(z[i]) }
        let graph = BondGraph(input)
        let inorganicBonds = Set(graph.bonds.filter { !organic($0.i) || !organic($0.j) })
        let molecules = graph.components(excluding: inorganicBonds).filter { $0.count > 1 && organic($0[0]) }
        let inMolecule = Set(molecules.flatMap { $0 })
        if let stray = z.indices.first(where: { organic($0) && !inMolecule.contains($0) }) {
            throw ModelBuildError("\(input.name): atom \(stray + 1) (\(Element.symbol(z[stray]) ?? "?")) belongs to no molecular cation")
        }
        let formulas = Set(molecules.map { Self.formula($0, z) })
        guard formulas.count <= 1 else {
            throw ModelBuildError("\(input.name): several molecular cations (\(formulas.sorted().joined(separator: ", "))); one A cation per cell is supported")
        }
        var numbers: [Int] = []
        var positions: [Vec3] = []
        var members: [[(z: Int, offset: Vec3)]] = []
        for i in z.indices where !inMolecule.contains(i) {
            numbers.append(z[i])
            positions.append(input.positions[i])
            members.append([(z[i], .zero)])
        }
        for molecule in molecules {
            let unwrapped = Self.unwrap(molecule, input: input, graph: graph, lattice: lattice)
            let centroid = Geo3.centroid(unwrapped)
            let f = lattice.fractional(fromCartesian: centroid)
            let wrapped = lattice.cartesian(fromFractional: f - f.rounded(.down))
            numbers.append(Self.molecular)
            positions.append(wrapped)
            members.append(Self.ordered(zip(molecule, unwrapped).map { (z[$0.0], $0.1 - centroid) }))
        }
        cell = Structure(name: input.name, atomicNumbers: numbers, positions: positions, lattice: lattice)
        self.members = members
        molecule = formulas.first
    }

    /// Positions of a molecule's atoms next to each other (breadth-first through its bonds).
    static func unwrap(_ atoms: [Int], input: Structure, graph: BondGraph, lattice: Lattice) -> [Vec3] {
        var placed: [Int: Vec3] = [atoms[0]: input.positions[atoms[0]]]
        var queue = [atoms[0]]
        let members = Set(atoms)
        while !queue.isEmpty {
            let a = queue.removeFirst()
            for b in graph.neighbours[a] where placed[b] == nil && members.contains(b) {
                placed[b] = placed[a]! + lattice.minimumImage(from: input.positions[a], to: input.positions[b])
                queue.append(b)
            }
        }
        return atoms.map { placed[$0]! }
    }

    /// C first, then the other heavy atoms by atomic number, H last; ties by `SiteKey`.
    static func ordered(_ atoms: [(z: Int, offset: Vec3)]) -> [(z: Int, offset: Vec3)] {
        let rank = { (z: Int) -> Int in z == 6 ? 0 : (z == 1 ? 200 : z) }
        return atoms.sorted { l, r in
            rank(l.z) != rank(r.z) ? rank(l.z) < rank(r.z) : SiteKey(l.offset, centre: .zero) < SiteKey(r.offset, centre: .zero)
        }
    }

    static func formula(_ atoms: [Int], _ z: [Int]) -> String {
        Structure(name: "", atomicNumbers: atoms.map { z[$0] }, positions: atoms.map { _ in .zero }).formula
    }
}
