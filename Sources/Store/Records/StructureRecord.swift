import Foundation
import GRDB
import Structures

/// A structure stored by its content hash (row of `structures`).
public struct StructureRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "structures"

    /// Content hash (primary key).
    public var hash: String
    /// Name of the first save; later saves of the same content keep it.
    public var name: String
    /// Hill-order formula, e.g. "C3H4N2".
    public var formula: String
    public var natoms: Int
    public var charge: Int
    public var multiplicity: Int
    /// Lattice vectors a, b, c as rows (Å), nil for a cluster.
    public var lattice: [[Double]]?
    /// Periodicity along a, b, c as "T"/"F" letters, e.g. "TTT"; nil for a cluster.
    public var pbc: String?
    /// Atomic numbers.
    public var numbers: [Int]
    /// Cartesian positions, Å.
    public var positions: [[Double]]
    /// File the structure was read from, when it came from a file.
    public var sourceFile: String?
    /// Structure this one was derived from (e.g. an optimised geometry's start), nil otherwise.
    public var parentHash: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case hash, name, formula, natoms, charge, multiplicity, lattice, pbc, numbers, positions
        case sourceFile = "source_file"
        case parentHash = "parent_hash"
        case createdAt = "created_at"
    }

    /// The row for `structure`, whose content hash is `hash`.
    public init(_ structure: Structure, hash: String, sourceFile: String?, parentHash: String? = nil,
                createdAt: Date = Date()) {
        self.hash = hash
        self.name = structure.name
        self.formula = structure.formula
        self.natoms = structure.count
        self.charge = structure.charge
        self.multiplicity = structure.multiplicity
        self.lattice = structure.lattice.map { $0.vectors.map { [$0.x, $0.y, $0.z] } }
        self.pbc = structure.lattice.map { String($0.pbc.map { $0 ? "T" : "F" }) }
        self.numbers = structure.atomicNumbers
        self.positions = structure.positions.map { [$0.x, $0.y, $0.z] }
        self.sourceFile = sourceFile
        self.parentHash = parentHash
        self.createdAt = createdAt
    }

    /// Rebuilds the `Structure` (bit-exact positions); throws `StoreError.corruptRow` on bad shapes.
    public func structure() throws -> Structure {
        func corrupt(_ why: String) -> StoreError { .corruptRow(table: Self.databaseTableName, key: hash, why) }
        guard numbers.count == natoms, positions.count == natoms else {
            throw corrupt("natoms \(natoms) but \(numbers.count) numbers and \(positions.count) positions")
        }
        guard positions.allSatisfy({ $0.count == 3 }) else { throw corrupt("a position is not [x, y, z]") }
        var cell: Lattice?
        if let lattice {
            let flags = Array(pbc ?? "TTT")
            guard lattice.count == 3, lattice.allSatisfy({ $0.count == 3 }), flags.count == 3,
                  flags.allSatisfy({ $0 == "T" || $0 == "F" }) else {
                throw corrupt("lattice is not 3x3 or pbc is not three T/F letters")
            }
            cell = Lattice(vectors: lattice.map { Vec3($0[0], $0[1], $0[2]) }, pbc: flags.map { $0 == "T" })
        }
        return Structure(name: name, atomicNumbers: numbers, positions: positions.map { Vec3($0[0], $0[1], $0[2]) },
                         charge: charge, multiplicity: multiplicity, lattice: cell)
    }
}
