/// Reads crystal structures from CIF (1.1 syntax) and expands them to the full unit cell.
///
/// Uses the first data block that has an `_atom_site_fract_x` loop (usually the first block;
/// later blocks are ignored). Cell from `_cell_length_*` (required) and `_cell_angle_*`
/// (default 90°), values may carry uncertainties ("6.2894(3)"); the lattice is in the standard
/// orientation (a along x, b in the xy plane). Elements come from `_atom_site_type_symbol`
/// ("Pb2+" → Pb) or else `_atom_site_label` ("Pb1" → Pb). Every symmetry operation
/// (`_space_group_symop_operation_xyz` or `_symmetry_equiv_pos_as_xyz`) is applied to every
/// site, results are wrapped into [0, 1) and duplicates (same element within 0.01 Å, minimum
/// image) merged. Partially occupied sites are rejected: an xTB calculation needs an ordered
/// model. Dummy sites (`_atom_site_calc_flag dum`) are skipped.
public enum CIFFormat {
    /// Distance (Å) under which two expanded sites of the same element are one atom.
    public static let mergeTolerance = 0.01

    /// The expanded cell of `text`, named after the data block.
    public static func read(_ text: String, file: String = "<text>") throws -> Structure {
        guard !text.isBlank else { throw StructureError(.emptyFile, file: file, "the file is empty") }
        let blocks = try CIFSyntax.blocks(text, file: file)
        guard let block = blocks.first(where: { $0.loop(with: "_atom_site_fract_x") != nil }) ?? blocks.first else {
            throw StructureError(.syntax, file: file, "no data block")
        }
        let lattice = try cell(block, file: file)
        let sites = try atomSites(block, file: file)
        let operations = try symmetryOperations(block, file: file)
        let atoms = expand(sites, operations: operations, lattice: lattice)
        return Structure(name: block.name, atomicNumbers: atoms.map(\.z),
                         positions: atoms.map { lattice.cartesian(fromFractional: $0.fractional) },
                         lattice: lattice)
    }

    /// An atom in fractional coordinates.
    struct Site {
        var z: Int
        var fractional: Vec3
    }

    /// Every operation applied to every site, wrapped into [0, 1), duplicates merged.
    static func expand(_ sites: [Site], operations: [SymmetryOperation], lattice: Lattice) -> [Site] {
        var atoms: [Site] = []
        for site in sites {
            for operation in operations {
                let f = wrapped(operation.apply(site.fractional))
                let duplicate = atoms.contains { atom in
                    atom.z == site.z && distance(atom.fractional, f, lattice) < mergeTolerance
                }
                if !duplicate { atoms.append(Site(z: site.z, fractional: f)) }
            }
        }
        return atoms
    }

    /// Each component in [0, 1).
    static func wrapped(_ f: Vec3) -> Vec3 {
        var w = f - f.rounded(.down)
        for i in 0..<3 where w[i] >= 1 { w[i] = 0 }
        return w
    }

    /// Minimum-image distance (Å); exact for distances well below the cell's face widths,
    /// which is all the merge tolerance needs.
    static func distance(_ f: Vec3, _ g: Vec3, _ lattice: Lattice) -> Double {
        let d = f - g
        return length(lattice.cartesian(fromFractional: d - d.rounded(.toNearestOrAwayFromZero)))
    }

    /// The lattice from `_cell_length_*` and `_cell_angle_*`.
    static func cell(_ block: CIFBlock, file: String) throws -> Lattice {
        func value(_ tag: String, default fallback: Double? = nil) throws -> Double {
            guard let token = block.items[tag] else {
                guard let fallback else {
                    throw StructureError(.syntax, file: file, line: block.line,
                                         "data block '\(block.name)' has no \(tag)")
                }
                return fallback
            }
            return try number(token, what: tag, file: file)
        }
        let lengths = try ["a", "b", "c"].map { try value("_cell_length_\($0)") }
        let angles = try ["alpha", "beta", "gamma"].map { try value("_cell_angle_\($0)", default: 90) }
        guard let lattice = Lattice(a: lengths[0], b: lengths[1], c: lengths[2],
                                    alpha: angles[0], beta: angles[1], gamma: angles[2]) else {
            throw StructureError(.syntax, file: file, line: block.items["_cell_length_a"]?.line,
                                 "cell lengths \(lengths) and angles \(angles) do not form a cell")
        }
        return lattice
    }

    /// The sites of the `_atom_site_` loop.
    static func atomSites(_ block: CIFBlock, file: String) throws -> [Site] {
        guard let loop = block.loop(with: "_atom_site_fract_x") else {
            throw StructureError(.syntax, file: file, line: block.line,
                                 "data block '\(block.name)' has no _atom_site_fract_x loop (fractional coordinates)")
        }
        let columns = try ["x", "y", "z"].map { axis in
            guard let c = loop.column("_atom_site_fract_\(axis)") else {
                throw StructureError(.syntax, file: file, line: loop.line, "atom site loop lacks _atom_site_fract_\(axis)")
            }
            return c
        }
        let (typeColumn, labelColumn) = (loop.column("_atom_site_type_symbol"), loop.column("_atom_site_label"))
        guard typeColumn != nil || labelColumn != nil else {
            throw StructureError(.syntax, file: file, line: loop.line,
                                 "atom site loop has neither _atom_site_type_symbol nor _atom_site_label")
        }
        let occupancyColumn = loop.column("_atom_site_occupancy")
        let flagColumn = loop.column("_atom_site_calc_flag")
        return try loop.rows.enumerated().compactMap { index, row in
            if let flagColumn, row[flagColumn].text.lowercased() == "dum" { return nil }
            let z = try element(row, typeColumn: typeColumn, labelColumn: labelColumn, file: file)
            if let occupancyColumn, let occupancy = uncertain(row[occupancyColumn].text), occupancy < 0.999 {
                throw StructureError(.syntax, file: file, line: row[occupancyColumn].line, atom: index + 1,
                                     "site \(row[labelColumn ?? typeColumn!].text) has occupancy \(occupancy): partially occupied (disordered) sites need an ordered model")
            }
            var f = Vec3.zero
            for i in 0..<3 {
                f[i] = try number(row[columns[i]], what: "fractional \(["x", "y", "z"][i]) of site \(index + 1)", file: file)
            }
            return Site(z: z, fractional: f)
        }
    }

    /// Element of a site row: type symbol first, else label.
    static func element(_ row: [CIFToken], typeColumn: Int?, labelColumn: Int?, file: String) throws -> Int {
        let tokens = [typeColumn, labelColumn].compactMap { $0 }.map { row[$0] }
        if let z = tokens.lazy.compactMap({ Element.number(fromLabel: $0.text) }).first { return z }
        let token = tokens[0]
        throw StructureError(.unknownElement, file: file, line: token.line, "unknown element symbol '\(token.text)'")
    }

    /// The symmetry operations; identity alone when none are listed and the space group is P1
    /// or not given; an error when a non-P1 space group comes without operations.
    static func symmetryOperations(_ block: CIFBlock, file: String) throws -> [SymmetryOperation] {
        let tags = ["_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"]
        var tokens: [CIFToken] = []
        for tag in tags {
            if let loop = block.loop(with: tag), let c = loop.column(tag) { tokens = loop.rows.map { $0[c] }; break }
            if let item = block.items[tag] { tokens = [item]; break }
        }
        guard !tokens.isEmpty else {
            try requireP1(block, file: file)
            return [.identity]
        }
        return try tokens.map { token in
            guard let operation = SymmetryOperation(xyz: token.text) else {
                throw StructureError(.syntax, file: file, line: token.line, "cannot read symmetry operation '\(token.text)'")
            }
            return operation
        }
    }

    /// Throws unless the block's space group (if stated) is P1.
    static func requireP1(_ block: CIFBlock, file: String) throws {
        let numberTags = ["_space_group_it_number", "_symmetry_int_tables_number"]
        let nameTags = ["_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m"]
        let number = numberTags.compactMap { block.items[$0].flatMap { Int($0.text) } }.first
        let name = nameTags.compactMap { block.items[$0]?.text.filter { !$0.isWhitespace }.lowercased() }.first
        if (number ?? 1) != 1 || (name.map { $0 != "p1" && $0 != "?" } ?? false) {
            throw StructureError(.syntax, file: file, line: block.line,
                                 "space group \(name ?? "") \(number.map(String.init) ?? "") is given without symmetry operations; add a _space_group_symop_operation_xyz loop or list all atoms in P1")
        }
    }

    /// A number that may carry an uncertainty, "6.2894(3)"; otherwise a `.syntax` error.
    static func number(_ token: CIFToken, what: String, file: String) throws -> Double {
        try NumberParsing.coordinate(Substring(stripUncertainty(token.text)), what: "\(what) '\(token.text)'",
                                     file: file, line: token.line)
    }

    /// The numeric value of "0.5(1)", nil for "?", "." or non-numbers.
    static func uncertain(_ text: String) -> Double? { Double(stripUncertainty(text)) }

    static func stripUncertainty(_ text: String) -> String {
        String(text.prefix { $0 != "(" })
    }
}
