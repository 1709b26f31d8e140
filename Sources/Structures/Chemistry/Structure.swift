/// A 3-vector in Ångström (positions, lattice vectors).
public typealias Vec3 = SIMD3<Double>

/// Atoms with positions in Å, total charge, spin multiplicity and an optional periodic cell.
///
/// This is the one structure type of the project: parsers produce it, the engine consumes it,
/// the store records it by its content address (`ContentHash`).
public struct Structure: Sendable, Equatable, Codable {
    /// Human name (usually the file stem); not part of the identity.
    public var name: String
    /// Atomic numbers, one per atom.
    public var atomicNumbers: [Int]
    /// Cartesian positions in Å, one per atom.
    public var positions: [Vec3]
    /// Total charge in e.
    public var charge: Int
    /// Spin multiplicity 2S+1 (1 = singlet).
    public var multiplicity: Int
    /// Periodic cell, nil for a molecule / cluster.
    public var lattice: Lattice?

    public init(name: String, atomicNumbers: [Int], positions: [Vec3], charge: Int = 0,
                multiplicity: Int = 1, lattice: Lattice? = nil) {
        precondition(atomicNumbers.count == positions.count, "one position per atom")
        self.name = name
        self.atomicNumbers = atomicNumbers
        self.positions = positions
        self.charge = charge
        self.multiplicity = multiplicity
        self.lattice = lattice
    }

    /// Number of atoms.
    public var count: Int { atomicNumbers.count }

    /// Number of unpaired electrons (xtb's `uhf`), multiplicity − 1.
    public var unpairedElectrons: Int { multiplicity - 1 }

    /// True when any direction is periodic.
    public var isPeriodic: Bool { lattice?.pbc.contains(true) ?? false }
}

/// Three lattice vectors (rows, Å) and which of them are periodic.
public struct Lattice: Sendable, Equatable, Hashable, Codable {
    /// a, b, c as Cartesian vectors in Å.
    public var vectors: [Vec3]
    /// Periodicity along a, b, c.
    public var pbc: [Bool]

    public init(vectors: [Vec3], pbc: [Bool] = [true, true, true]) {
        precondition(vectors.count == 3 && pbc.count == 3, "a lattice has three vectors")
        self.vectors = vectors
        self.pbc = pbc
    }

    /// Cell volume in Å³.
    public var volume: Double {
        let (a, b, c) = (vectors[0], vectors[1], vectors[2])
        let cross = Vec3(b.y * c.z - b.z * c.y, b.z * c.x - b.x * c.z, b.x * c.y - b.y * c.x)
        return abs((a * cross).sum())
    }
}
