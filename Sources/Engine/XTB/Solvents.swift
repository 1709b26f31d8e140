/// Solvent names libxtb 6.5.1 accepts for GBSA (xtb's documented names and aliases).
///
/// Checked before the call so a typo is a clear error, not a backend message; libxtb still
/// rejects a solvent that is not parametrised for the chosen method, and that error is reported.
enum Solvents {
    static let gbsa: Set<String> = [
        "acetone", "acetonitrile", "benzene", "ch2cl2", "dichloromethane", "chcl3", "chloroform",
        "cs2", "dmf", "dmso", "ether", "h2o", "water", "methanol", "n-hexane", "hexane", "thf",
        "toluene",
    ]
}
