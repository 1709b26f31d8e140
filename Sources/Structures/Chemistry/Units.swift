/// Unit conversions, in one place. CODATA 2018 values, as used by xtb 6.5.
public enum Units {
    /// Å per Bohr (xtb's value; reproduces the `xtb` binary's energies).
    public static let angstromPerBohr = 0.529177210903
    /// Bohr per Å.
    public static let bohrPerAngstrom = 1.0 / angstromPerBohr
    /// kJ/mol per Hartree.
    public static let kJPerMolPerHartree = 2625.4996394799
    /// eV per Hartree.
    public static let eVPerHartree = 27.211386245988
    /// kcal/mol per Hartree.
    public static let kcalPerMolPerHartree = 627.5094740631
}
