/// Writes extended XYZ frames that ASE's `ase.io.read(f, ":")` reads back.
public enum ExtendedXYZ {
    /// One frame: `Lattice=`/`pbc=` when there is a cell, `charge=`, `multiplicity=`,
    /// `Properties=species:S:1:pos:R:3`, then `info` in the given order (values quoted when
    /// needed; keys the header writes itself are skipped). Coordinates use Swift's shortest
    /// round-trip representation, so reading gives back exactly the same numbers.
    /// Concatenated frames form a multi-frame file.
    /// With `forces` (one [fx, fy, fz] per atom, eV/Å) the frame gets a `forces:R:3` column, as ASE reads it.
    public static func render(_ s: Structure, info: [(String, String)] = [], forces: [[Double]]? = nil) -> String {
        let forces = forces.flatMap { $0.count == s.count && $0.allSatisfy { $0.count == 3 } ? $0 : nil }
        var pairs: [String] = []
        if let lattice = s.lattice {
            let numbers = lattice.vectors.flatMap { [$0.x, $0.y, $0.z] }.map(shortest)
            pairs.append("Lattice=\"\(numbers.joined(separator: " "))\"")
            pairs.append("pbc=\"\(lattice.pbc.map { $0 ? "T" : "F" }.joined(separator: " "))\"")
        }
        pairs.append("charge=\(s.charge)")
        pairs.append("multiplicity=\(s.multiplicity)")
        pairs.append("Properties=species:S:1:pos:R:3" + (forces == nil ? "" : ":forces:R:3"))
        for (key, value) in info where !key.isEmpty && !XYZHeader.structuralKeys.contains(key.lowercased()) {
            pairs.append("\(KeyValueLine.quoted(key))=\(KeyValueLine.quoted(value))")
        }
        var atoms = XYZFormat.atomLines(s)
        if let forces {
            atoms = zip(atoms.split(separator: "\n"), forces).map { line, f in
                "\(line) \(shortest(f[0])) \(shortest(f[1])) \(shortest(f[2]))\n"
            }.joined()
        }
        return "\(s.count)\n\(pairs.joined(separator: " "))\n" + atoms
    }
}
