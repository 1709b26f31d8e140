/// The keys each table of a spec accepts (anything else is reported as unknown).
enum SpecKeys {
    static let root = ["campaign", "defaults", "structures", "reactions", "verdicts", "screen", "perovskites", "glasses",
                       "surfaces"]
    static let campaign = ["name", "database"]
    /// Method keys: allowed in `[defaults]` and, as overrides, in every `[[structures]]`.
    static let method = ["gfn", "accuracy", "etemp", "max_iterations", "solvent", "opt_level", "max_cycles", "task",
                         "freeze", "engine"]
    static let structureOnly = ["name", "files", "prefix", "charge", "multiplicity", "formula_units",
                                "supercell", "nanocrystal"]
    static let structure = structureOnly + method
    static let reaction = ["name", "reactants", "products", "normalize"]
    static let normalization = ["per", "count", "from"]
    static let verdict = ["name", "active_phase", "inactive_phase", "active", "inactive", "bulk", "formula_units",
                          "temperature", "reference", "bulk_converged", "nanocrystals"]

    static let screen = ["k", "sites", "orientations", "max_products", "protocol", "temperature", "coverage",
                              "nanocrystal_gfn"]
    static let perovskite = ["name", "units", "surface", "active", "inactive", "bulk_converged", "also_active"]
    static let glass = ["name", "crystal", "zn", "bim", "ligand", "cap", "ligands"]

    /// Where a key that is misplaced in another table belongs, for the "unknown key" message.
    static let homes: [String: String] = {
        var homes: [String: String] = [:]
        for key in structureOnly where key != "name" { homes[key] = "[[structures]]" }
        for key in method { homes[key] = "[defaults] or [[structures]]" }
        for key in ["reactants", "products", "normalize"] { homes[key] = "[[reactions]]" }
        homes["database"] = "[campaign]"
        return homes
    }()

    /// `homes` restricted to keys not allowed in `allowed` (so only true misplacements are named).
    static func homes(excluding allowed: [String]) -> [String: String] {
        homes.filter { !allowed.contains($0.key) }
    }
}
