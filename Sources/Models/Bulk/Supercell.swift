import Structures

/// Builds supercells of periodic cells.
public enum Supercell {
    /// Why a supercell cannot be built.
    public struct BuildError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The supercell of `cell` with vectors `matrix` · (cell's vectors), named "<cell>-<label>".
    ///
    /// The atoms are the cell's atoms translated by every lattice vector t (integer, in the cell's
    /// basis) that lies inside the supercell: 0 ≤ t · M⁻¹ < 1, decided in exact integer arithmetic
    /// (t · adj(M) in [0, det)), so the count is exactly det(M) × atoms, with no rounding at faces.
    /// Order: translation by translation (lexicographic), each a copy of the cell in its own order.
    /// Charge scales with the number of cells; so do unpaired electrons (multiplicity − 1).
    public static func build(_ cell: Structure, matrix: SupercellMatrix) throws -> Structure {
        guard let lattice = cell.lattice, lattice.pbc.allSatisfy({ $0 }) else {
            throw BuildError(description: "\(cell.name): a supercell needs a cell periodic in all three directions")
        }
        let translations = latticePoints(inside: matrix)
        var numbers: [Int] = []
        var positions: [Vec3] = []
        numbers.reserveCapacity(translations.count * cell.count)
        positions.reserveCapacity(translations.count * cell.count)
        for t in translations {
            let shift = lattice.cartesian(fromFractional: Vec3(Double(t[0]), Double(t[1]), Double(t[2])))
            numbers.append(contentsOf: cell.atomicNumbers)
            positions.append(contentsOf: cell.positions.map { $0 + shift })
        }
        let vectors = matrix.rows.map { row in
            lattice.vectors[0] * Double(row[0]) + lattice.vectors[1] * Double(row[1]) + lattice.vectors[2] * Double(row[2])
        }
        let cells = matrix.determinant
        return Structure(name: "\(cell.name)-\(matrix.label)", atomicNumbers: numbers, positions: positions,
                         charge: cell.charge * cells, multiplicity: (cell.multiplicity - 1) * cells + 1,
                         lattice: Lattice(vectors: vectors, pbc: [true, true, true]))
    }

    /// The det(M) integer vectors t (cell basis) with 0 ≤ t · M⁻¹ < 1, sorted.
    static func latticePoints(inside matrix: SupercellMatrix) -> [[Int]] {
        let det = matrix.determinant
        let adj = matrix.adjugate
        // The supercell's corners bound the search box.
        var low = [0, 0, 0], high = [0, 0, 0]
        for corner in 0..<8 {
            let weights = [corner & 1, (corner >> 1) & 1, (corner >> 2) & 1]
            for k in 0..<3 {
                let value = (0..<3).reduce(0) { $0 + weights[$1] * matrix.rows[$1][k] }
                low[k] = min(low[k], value)
                high[k] = max(high[k], value)
            }
        }
        var points: [[Int]] = []
        for i in low[0]...high[0] {
            for j in low[1]...high[1] {
                for k in low[2]...high[2] {
                    let t = [i, j, k]
                    let scaled = (0..<3).map { c in (0..<3).reduce(0) { $0 + t[$1] * adj[$1][c] } }
                    if scaled.allSatisfy({ $0 >= 0 && $0 < det }) { points.append(t) }
                }
            }
        }
        return points
    }
}
