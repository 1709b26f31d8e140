import Models

/// The per-structure keys of a `[[structures]]` table besides `files` and the method overrides.
struct StructureOptions {
    var name: String?
    var prefix: String?
    var charge: Int?
    var multiplicity: Int?
    var formulaUnits: Int?
    /// Supercell of a periodic file to compute instead of the file's cell ("4x4x4", "fcc-2", "bcc-2").
    var supercell: SupercellMatrix?
    /// Repeats of a molecular block of whole cells of a periodic file ("4x4x4"; `NanocrystalBuilder`).
    var nanocrystal: SIMD3<Int>?

    /// Reads and checks them (multiplicity and formula_units ≥ 1, names not empty).
    init(_ t: TableReader) {
        name = MethodReader.checked(t, "name", t.string("name"), "must not be empty") { !$0.isEmpty }
        prefix = t.string("prefix")
        charge = t.integer("charge")
        multiplicity = MethodReader.checked(t, "multiplicity", t.integer("multiplicity"),
                                            "must be at least 1 (1 = singlet, 2 = doublet …)") { $0 >= 1 }
        formulaUnits = MethodReader.checked(t, "formula_units", t.integer("formula_units"),
                                            "must be an integer ≥ 1") { $0 >= 1 }
        supercell = t.string("supercell").flatMap { label in
            guard let matrix = SupercellMatrix(parsing: label) else {
                t.context.report(t.line("supercell"), "`supercell` \"\(label)\" is not a supercell: write e.g. "
                    + "\"4x4x4\", \"1x3x1\", \"fcc-2\" or \"bcc-2\"")
                return nil
            }
            return matrix
        }
        nanocrystal = Self.nanocrystal(t, supercell: supercell != nil)
    }

    /// `nanocrystal`, checked: "AxBxC" of positive integers, not together with `supercell`.
    private static func nanocrystal(_ t: TableReader, supercell: Bool) -> SIMD3<Int>? {
        guard let label = t.string("nanocrystal") else { return nil }
        guard let repeats = NanocrystalRepeats.parse(label) else {
            t.context.report(t.line("nanocrystal"), "`nanocrystal` \"\(label)\" is not a block of cells: write "
                + NanocrystalRepeats.expected)
            return nil
        }
        guard !supercell else {
            t.context.report(t.line("nanocrystal"), "`nanocrystal` and `supercell` cannot be used together: "
                + "a nanocrystal is a molecular block of the file's cell, a supercell a periodic one")
            return nil
        }
        return repeats
    }
}
