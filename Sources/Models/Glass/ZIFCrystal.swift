import Structures

/// A Zn–imidazolate crystal read as a net: Zn nodes, unwrapped imidazolate ligands, and which
/// ligand image each Zn binds through which N.
struct ZIFCrystal {
    /// One ligand: its cell atoms, unwrapped positions (same order) and ring roles.
    struct Ligand {
        var atoms: [Int]
        var numbers: [Int]
        var positions: [Vec3]
        var ring: ImidazoleRing
    }

    /// Zn `zinc` (at image 0) binds nitrogen `nitrogen` (0/1) of ligand `ligand` at image `shift`.
    struct Link {
        var zinc: Int
        var ligand: Int
        var nitrogen: Int
        var shift: SIMD3<Int>
    }

    let lattice: Lattice
    /// Cell positions of the Zn atoms.
    let zincs: [Vec3]
    let ligands: [Ligand]
    let links: [Link]

    init(_ crystal: Structure) throws {
        guard let lattice = crystal.lattice, crystal.isPeriodic else {
            throw ModelBuildError("\(crystal.name): glass fragments are cut from a periodic Zn–imidazolate crystal")
        }
        self.lattice = lattice
        let graph = BondGraph(crystal)
        let zincAtoms = crystal.atomicNumbers.indices.filter { crystal.atomicNumbers[$0] == 30 }
        let metalBonds = Set(graph.bonds.filter { zincAtoms.contains($0.i) || zincAtoms.contains($0.j) })
        let parts = graph.components(excluding: metalBonds).filter { !zincAtoms.contains($0[0]) }
        let ligands = try parts.map { try Self.unwrap($0, crystal: crystal, graph: graph, lattice: lattice) }
        zincs = zincAtoms.map { crystal.positions[$0] }
        links = try Self.links(zincAtoms, ligands: ligands, crystal: crystal, graph: graph, lattice: lattice)
        self.ligands = ligands
    }

    /// The ligand's atoms placed next to each other (breadth-first through its bonds).
    static func unwrap(_ atoms: [Int], crystal: Structure, graph: BondGraph, lattice: Lattice) throws -> Ligand {
        var placed: [Int: Vec3] = [atoms[0]: crystal.positions[atoms[0]]]
        var queue = [atoms[0]]
        while !queue.isEmpty {
            let a = queue.removeFirst()
            for b in graph.neighbours[a] where placed[b] == nil && atoms.contains(b) {
                placed[b] = placed[a]! + lattice.minimumImage(from: crystal.positions[a], to: crystal.positions[b])
                queue.append(b)
            }
        }
        let numbers = atoms.map { crystal.atomicNumbers[$0] }
        let positions = atoms.map { placed[$0]! }
        guard let ring = ImidazoleRing(atomicNumbers: numbers, positions: positions) else {
            let formula = Structure(name: "", atomicNumbers: numbers, positions: positions).formula
            throw ModelBuildError("\(crystal.name): a linker \(formula) (atoms \(atoms.first! + 1)…) is not an imidazolate C3H3N2")
        }
        return Ligand(atoms: atoms, numbers: numbers, positions: positions, ring: ring)
    }

    static func links(_ zincAtoms: [Int], ligands: [Ligand], crystal: Structure, graph: BondGraph,
                      lattice: Lattice) throws -> [Link] {
        var result: [Link] = []
        for (zi, zn) in zincAtoms.enumerated() {
            for n in graph.neighbours[zn] where crystal.atomicNumbers[n] == 7 {
                guard let li = ligands.firstIndex(where: { $0.atoms.contains(n) }) else { continue }
                let ligand = ligands[li]
                let local = ligand.atoms.firstIndex(of: n)!
                let target = crystal.positions[zn] + lattice.minimumImage(from: crystal.positions[zn], to: crystal.positions[n])
                let f = lattice.fractional(fromCartesian: target - ligand.positions[local])
                let shift = SIMD3<Int>(Int(f.x.rounded()), Int(f.y.rounded()), Int(f.z.rounded()))
                result.append(Link(zinc: zi, ligand: li, nitrogen: ligand.ring.nitrogens.firstIndex(of: local)!, shift: shift))
            }
        }
        guard result.count == 4 * zincAtoms.count else {
            throw ModelBuildError("\(crystal.name): expected four Zn–N bonds per Zn, found \(result.count) for \(zincAtoms.count) Zn")
        }
        return result
    }

    /// Cartesian translation of an integer image.
    func translation(_ image: SIMD3<Int>) -> Vec3 {
        lattice.cartesian(fromFractional: Vec3(Double(image.x), Double(image.y), Double(image.z)))
    }
}
