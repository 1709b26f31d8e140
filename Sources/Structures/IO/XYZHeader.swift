/// What an (extended) XYZ comment line says: cell, charge, spin, column layout, other keys.
struct XYZHeader {
    var lattice: Lattice?
    var charge = 0
    var multiplicity = 1
    /// Column of the species and first column of the positions.
    var speciesColumn = 0
    var positionColumn = 1
    /// Fields an atom line must have at least.
    var minimumColumns = 4
    /// Keys not interpreted here, values unquoted.
    var info: [String: String] = [:]

    /// Keys the reader interprets (and the writer writes itself).
    static let structuralKeys: Set<String> = ["lattice", "pbc", "charge", "multiplicity", "uhf", "properties"]

    /// Interprets line `line` (1-based) of `file`; a line without "=" is a plain comment,
    /// kept as info["comment"].
    init(_ text: Substring, file: String, line: Int) throws {
        guard text.contains("=") else {
            let comment = text.trimmingWhitespace()
            if !comment.isEmpty { info["comment"] = comment }
            return
        }
        var latticeValues: [Double]?
        var pbc: [Bool]?
        let pairs = KeyValueLine.parse(text)
        (charge, multiplicity) = try Self.spin(pairs, file: file, line: line)
        for (key, value) in pairs {
            let fail = { (what: String) in
                StructureError(.syntax, file: file, line: line, "\(key)=\"\(value)\": \(what)")
            }
            switch key.lowercased() {
            case "lattice":
                let numbers = value.fields().compactMap { NumberParsing.double($0) }
                guard numbers.count == 9, value.fields().count == 9, numbers.allSatisfy(\.isFinite) else {
                    throw fail("expected 9 finite numbers (a, b, c vectors)")
                }
                latticeValues = numbers
            case "pbc":
                let flags = value.fields().compactMap { Self.flag($0) }
                guard flags.count == 3, value.fields().count == 3 else { throw fail("expected three of T/F") }
                pbc = flags
            case "charge", "multiplicity", "uhf":
                continue
            case "properties":
                try readProperties(value, fail: fail)
            default:
                info[key] = value
            }
        }
        try resolveLattice(latticeValues, pbc: pbc, file: file, line: line)
    }

    /// Charge (default 0) and multiplicity (default 1) from `charge=`, `multiplicity=` and
    /// `uhf=` (→ multiplicity uhf + 1); multiplicity and uhf must agree when both are given.
    static func spin(_ pairs: [(key: String, value: String)], file: String, line: Int) throws -> (charge: Int, multiplicity: Int) {
        var values: [String: Int] = [:]
        for (key, value) in pairs where ["charge", "multiplicity", "uhf"].contains(key.lowercased()) {
            guard let n = Int(value) else {
                throw StructureError(.syntax, file: file, line: line, "\(key)=\(value): must be an integer")
            }
            values[key.lowercased()] = n
        }
        let multiplicity = values["multiplicity"]
        var fromUHF: Int?
        if let uhf = values["uhf"] {
            let (sum, overflow) = uhf.addingReportingOverflow(1)
            guard !overflow else { throw StructureError(.syntax, file: file, line: line, "uhf=\(uhf) is out of range") }
            fromUHF = sum
        }
        if let multiplicity, let fromUHF, multiplicity != fromUHF {
            throw StructureError(.syntax, file: file, line: line,
                                 "multiplicity=\(multiplicity) contradicts uhf=\(fromUHF - 1) (multiplicity = uhf + 1)")
        }
        return (values["charge"] ?? 0, multiplicity ?? fromUHF ?? 1)
    }

    /// Lattice with pbc (default T T T, as in ASE); pbc with a T needs a Lattice.
    private mutating func resolveLattice(_ values: [Double]?, pbc: [Bool]?, file: String, line: Int) throws {
        guard let v = values else {
            if pbc?.contains(true) == true {
                throw StructureError(.syntax, file: file, line: line, "pbc is set but no Lattice is given")
            }
            return
        }
        lattice = Lattice(vectors: [Vec3(v[0], v[1], v[2]), Vec3(v[3], v[4], v[5]), Vec3(v[6], v[7], v[8])],
                          pbc: pbc ?? [true, true, true])
    }

    /// Finds the species (S:1) and pos (R:3) columns in "name:type:ncols:…".
    private mutating func readProperties(_ value: String, fail: (String) -> StructureError) throws {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count % 3 == 0, !parts.isEmpty else { throw fail("expected name:type:columns triples") }
        var column = 0
        var species: Int?
        var position: Int?
        for i in stride(from: 0, to: parts.count, by: 3) {
            guard let width = Int(parts[i + 2]), width > 0 else { throw fail("bad column count '\(parts[i + 2])'") }
            if parts[i] == "species" { species = column }
            if parts[i] == "pos" {
                guard width == 3 else { throw fail("pos must have 3 columns") }
                position = column
            }
            let (next, overflow) = column.addingReportingOverflow(width)
            guard !overflow else { throw fail("column counts add up to more than \(Int.max)") }
            column = next
        }
        guard let species, let position else { throw fail("Properties must name species and pos columns") }
        (speciesColumn, positionColumn, minimumColumns) = (species, position, column)
    }

    /// T/F, True/False, 1/0 (any case).
    static func flag(_ token: Substring) -> Bool? {
        switch token.lowercased() {
        case "t", "true", "1": true
        case "f", "false", "0": false
        default: nil
        }
    }
}
