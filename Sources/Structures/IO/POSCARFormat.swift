import Foundation

/// VASP 5 POSCAR / CONTCAR: reading and writing.
///
/// Reads: comment, scale (positive factor, negative = target volume in Å³, or three factors),
/// lattice, species line (POTCAR labels such as "Pb_d" or "Cs_sv/abc" accepted), counts,
/// optional "Selective dynamics" (flags ignored), Direct/Cartesian positions (anything after
/// them, e.g. velocities, ignored). VASP 4 files without a species line are rejected with a
/// request to add one. `charge=`/`multiplicity=`/`uhf=` in the comment line are honoured,
/// and written by `render`, since POSCAR has no other place for them.
public enum POSCARFormat {
    /// The structure in `text`; pbc is T T T.
    public static func read(_ text: String, file: String = "<text>", name: String = "") throws -> Structure {
        let lines = splitLines(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw StructureError(.emptyFile, file: file, "the file is empty")
        }
        let line = { (i: Int) throws -> Substring in
            guard i < lines.count else {
                throw StructureError(.truncatedFile, file: file, line: i + 1, "file ends before line \(i + 1)")
            }
            return lines[i]
        }
        let spin = try XYZHeader.spin(KeyValueLine.parse(lines[0]), file: file, line: 1)
        let vectors = try (2...4).map { try vector(line($0), what: "lattice vector", file: file, line: $0 + 1) }
        let factors = try scaleFactors(line(1), volume: Lattice(vectors: vectors).volume, file: file)
        let lattice = Lattice(vectors: vectors.map { $0 * factors })
        let species = try speciesNumbers(line(5), file: file)
        let counts = try countsLine(line(6), species: species.count, file: file)
        var index = 7
        if try line(index).trimmingWhitespace().lowercased().hasPrefix("s") { index += 1 }
        let cartesian = try "ck".contains(line(index).trimmingWhitespace().lowercased().first ?? "d")
        index += 1
        let total = try total(counts, file: file)
        let present = lines[min(index, lines.count)...].prefix(total).prefix { !$0.isBlank }.count
        guard present == total else {
            throw StructureError(.truncatedFile, file: file, line: 7,
                                 "counts say \(total), file has \(present) atoms")
        }
        let positions = try (0..<total).map { atom in
            let v = try vector(lines[index + atom], what: "position of atom \(atom + 1)",
                               file: file, line: index + atom + 1, atom: atom + 1)
            return cartesian ? v * factors : lattice.cartesian(fromFractional: v)
        }
        let numbers = zip(species, counts).flatMap { z, n in Array(repeating: z, count: n) }
        return Structure(name: name, atomicNumbers: numbers, positions: positions,
                         charge: spin.charge, multiplicity: spin.multiplicity, lattice: lattice)
    }

    /// POSCAR text (scale 1, Cartesian). Atoms are grouped by element in order of first
    /// appearance, so the atom order changes unless it is already grouped. Needs a lattice.
    public static func render(_ s: Structure) throws -> String {
        guard let lattice = s.lattice else {
            throw StructureError(.unsupportedFormat, file: s.name, "POSCAR needs a periodic cell; this is a molecule")
        }
        var species: [Int] = []
        for z in s.atomicNumbers where !species.contains(z) { species.append(z) }
        let comment = [s.name.isEmpty ? s.formula : s.name, "charge=\(s.charge)", "multiplicity=\(s.multiplicity)"]
        var text = comment.joined(separator: " ").split(whereSeparator: \.isNewline).joined(separator: " ")
        text += "\n1.0\n" + lattice.vectors.map(row).joined()
        text += species.map(Element.label).joined(separator: " ") + "\n"
        text += species.map { z in "\(s.atomicNumbers.filter { $0 == z }.count)" }.joined(separator: " ") + "\n"
        text += "Cartesian\n"
        for z in species {
            for (i, r) in s.positions.enumerated() where s.atomicNumbers[i] == z { text += row(r) }
        }
        return text
    }

    static func row(_ v: Vec3) -> String { "  \(shortest(v.x)) \(shortest(v.y)) \(shortest(v.z))\n" }

    /// Three numbers from the start of a line.
    static func vector(_ text: Substring, what: String, file: String, line: Int, atom: Int? = nil) throws -> Vec3 {
        let fields = text.fields()
        guard fields.count >= 3 else {
            throw StructureError(.syntax, file: file, line: line, atom: atom,
                                 "\(what): expected 3 numbers, found \(fields.count) fields")
        }
        var v = Vec3.zero
        for i in 0..<3 {
            v[i] = try NumberParsing.coordinate(fields[i], what: what, file: file, line: line, atom: atom)
        }
        return v
    }

    /// Scale factors per Cartesian axis from line 2: one factor, a target volume (negative,
    /// Å³, given the unscaled cell `volume`), or three factors.
    static func scaleFactors(_ text: Substring, volume: Double, file: String) throws -> Vec3 {
        let numbers = try text.fields().prefix(3).map {
            try NumberParsing.coordinate($0, what: "scale factor", file: file, line: 2)
        }
        let fail = { StructureError(.syntax, file: file, line: 2, "scale must be one positive factor, a negative volume, or three positive factors") }
        switch numbers.count {
        case 1 where numbers[0] > 0: return Vec3(repeating: numbers[0])
        case 1 where numbers[0] < 0 && volume > 0: return Vec3(repeating: cbrt(-numbers[0] / volume))
        case 3 where numbers.allSatisfy({ $0 > 0 }): return Vec3(numbers[0], numbers[1], numbers[2])
        default: throw fail()
        }
    }

    /// Atomic numbers from the species line; a line of integers means VASP 4.
    static func speciesNumbers(_ text: Substring, file: String) throws -> [Int] {
        let fields = text.fields()
        if let first = fields.first, Int(first) != nil {
            throw StructureError(.syntax, file: file, line: 6,
                                 "no species line (VASP 4 format): add a line with the element symbols, e.g. \"Cs Pb I\", above the counts")
        }
        guard !fields.isEmpty else { throw StructureError(.syntax, file: file, line: 6, "expected the species line") }
        return try fields.map { label in
            guard let z = Element.number(fromLabel: String(label)) else {
                throw StructureError(.unknownElement, file: file, line: 6, "unknown element symbol '\(label)'")
            }
            return z
        }
    }

    /// The number of atoms the counts line promises; a sum past `Int.max` is a `.syntax` error.
    static func total(_ counts: [Int], file: String) throws -> Int {
        try counts.reduce(0) { sum, n in
            let (next, overflow) = sum.addingReportingOverflow(n)
            guard !overflow else { throw StructureError(.syntax, file: file, line: 7, "atom counts add up to more than \(Int.max)") }
            return next
        }
    }

    /// The counts line: one non-negative integer per species.
    static func countsLine(_ text: Substring, species: Int, file: String) throws -> [Int] {
        let counts = try text.fields().map { try NumberParsing.integer($0, what: "atom count", file: file, line: 7) }
        guard counts.count == species else {
            throw StructureError(.syntax, file: file, line: 7,
                                 "\(species) species on line 6 but \(counts.count) counts on line 7")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else {
            throw StructureError(.syntax, file: file, line: 7, "atom counts must not be negative")
        }
        return counts
    }
}
