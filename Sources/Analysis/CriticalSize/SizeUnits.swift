/// Constants of the size model (SI 2019 exact values).
public enum SizeUnits {
    /// Formula units per mole.
    public static let avogadro = 6.02214076e23
    /// m³ per Å³.
    public static let cubicMetrePerCubicAngstrom = 1e-30
    /// m² per Å².
    public static let squareMetrePerSquareAngstrom = 1e-20
    /// J per Hartree (CODATA 2018).
    public static let joulePerHartree = 4.3597447222071e-18
    /// J/m² of one Hartree per Å² (435.97 J/m²).
    public static var joulePerSquareMetrePerHartreePerSquareAngstrom: Double {
        joulePerHartree / squareMetrePerSquareAngstrom
    }
}
