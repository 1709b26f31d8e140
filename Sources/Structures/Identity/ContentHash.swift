import Foundation

extension Structure {
    /// SHA-256 (hex) of `canonicalText`: the structure's content address.
    ///
    /// Invariant under atom order, the name, and anything of the source file (whitespace,
    /// comments, format). Changes with charge, multiplicity, lattice vectors, pbc, and any
    /// coordinate change larger than the 1e-5 Å rounding; two inputs closer than that usually
    /// hash alike but may not (a value on a rounding boundary).
    public var contentHash: String { SHA256.hex(of: canonicalText) }

    /// The canonical text that `contentHash` digests:
    ///
    ///     structure-v1
    ///     charge 0
    ///     multiplicity 1
    ///     lattice ax ay az bx by bz cx cy cz      (or the single line "molecule")
    ///     pbc T T T
    ///     Z x y z                                 (one line per atom)
    ///
    /// Numbers are Å formatted "%.5f" (rounded to 1e-5 Å, "-0.00000" folded to "0.00000");
    /// atom lines are sorted numerically by (Z, x, y, z) after rounding. Periodic atoms are
    /// not wrapped into the cell: an atom and its lattice image hash differently.
    public var canonicalText: String {
        var lines = ["structure-v1", "charge \(charge)", "multiplicity \(multiplicity)"]
        if let lattice {
            lines.append("lattice " + lattice.vectors.flatMap { Self.rounded($0) }.joined(separator: " "))
            lines.append("pbc " + lattice.pbc.map { $0 ? "T" : "F" }.joined(separator: " "))
        } else {
            lines.append("molecule")
        }
        let atoms = zip(atomicNumbers, positions).map { z, r in (z: z, text: Self.rounded(r)) }
        let keys = atoms.map { atom in (atom.z, atom.text.map { Double($0)! }) }
        let order = atoms.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a.0 != b.0 { return a.0 < b.0 }
            return a.1.lexicographicallyPrecedes(b.1)
        }
        lines += order.map { i in "\(atoms[i].z) " + atoms[i].text.joined(separator: " ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// x, y, z as "%.5f" with negative zero folded.
    static func rounded(_ v: Vec3) -> [String] {
        [v.x, v.y, v.z].map { value in
            let text = String(format: "%.5f", value)
            return text == "-0.00000" ? "0.00000" : text
        }
    }
}
