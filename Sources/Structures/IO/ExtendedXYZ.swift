/// Writes extended XYZ frames that ASE's `ase.io.read(f, ":")` reads back.
public enum ExtendedXYZ {
    /// One frame: `Lattice=`/`pbc=` when there is a cell, `charge=`, `multiplicity=`,
    /// `Properties=species:S:1:pos:R:3`, then `info` in the given order (values quoted when
    /// needed; keys the header writes itself are skipped). Coordinates use Swift's shortest
    /// round-trip representation, so reading gives back exactly the same numbers.
    /// Concatenated frames form a multi-frame file.
    public static func render(_ s: Structure, info: [(String, String)] = []) -> String {
        var pairs: [String] = []
        if let lattice = s.lattice {
            let numbers = lattice.vectors.flatMap { [$0.x, $0.y, $0.z] }.map(shortest)
            pairs.append("Lattice=\"\(numbers.joined(separator: " "))\"")
            pairs.append("pbc=\"\(lattice.pbc.map { $0 ? "T" : "F" }.joined(separator: " "))\"")
        }
        pairs.append("charge=\(s.charge)")
        pairs.append("multiplicity=\(s.multiplicity)")
        pairs.append("Properties=species:S:1:pos:R:3")
        for (key, value) in info where !key.isEmpty && !XYZHeader.structuralKeys.contains(key.lowercased()) {
            pairs.append("\(KeyValueLine.quoted(key))=\(KeyValueLine.quoted(value))")
        }
        return "\(s.count)\n\(pairs.joined(separator: " "))\n" + XYZFormat.atomLines(s)
    }
}
