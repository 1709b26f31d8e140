import Foundation

/// E = N·μ + A·γ + β·N·ln(L / 1 Å), fitted by least squares to one phase's nanocrystals.
///
/// N formula units, A and L = V^(1/3) of the box of whole cells. The log term is the one GFN-xTB's
/// Klopman–Ohno kernel gives an ionic crystal (docs/surfaces.md §4: its r⁻³ tail has a net weight
/// per cell, so the energy per unit keeps falling like ln(size)); `withoutLogTerm` fits E = N·μ +
/// A·γ alone, to show whether the data need it. μ and β depend on the length unit only together
/// (μ is the energy per unit at L = 1 Å): compare phases only through the same formula.
public struct NanocrystalFit: Sendable, Equatable {
    /// Which terms are fitted.
    public enum Model: String, Sendable, Codable {
        case withLogTerm = "N·μ + A·γ + β·N·ln L"
        case withoutLogTerm = "N·μ + A·γ"
    }

    public let model: Model
    public let points: [NanocrystalEnergy]
    /// μ, Eh per formula unit.
    public let muHartree: Double
    /// γ, Eh per Å².
    public let gammaHartreePerA2: Double
    /// β, Eh per formula unit per e-fold of L (0 without the log term).
    public let betaHartree: Double
    /// Covariance of (μ, γ[, β]) in those units; nil with no degree of freedom left.
    public let covariance: [[Double]]?
    /// Computed minus fitted energy of each point, kJ/mol.
    public let residualsKJ: [Double]

    public init(_ points: [NanocrystalEnergy], model: Model = .withLogTerm) throws {
        let rows = points.map { Self.row($0.formulaUnits, $0.boxAreaA2, $0.lengthA, model) }
        let fit = try LinearLeastSquares(rows: rows, values: points.map(\.energyHartree))
        self.model = model
        self.points = points
        muHartree = fit.parameters[0]
        gammaHartreePerA2 = fit.parameters[1]
        betaHartree = model == .withLogTerm ? fit.parameters[2] : 0
        covariance = fit.covariance
        residualsKJ = fit.residuals.map { $0 * Self.kJPerHartree }
    }

    /// kJ/mol per Hartree (CODATA 2018).
    public static let kJPerHartree = 2625.4996394799

    /// γ in J/m².
    public var surfaceEnergyJM2: Double { gammaHartreePerA2 * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom }

    /// Standard error of γ, J/m²; nil without covariance.
    public var surfaceEnergySigmaJM2: Double? {
        covariance.map { $0[1][1].squareRoot() * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom }
    }

    /// β in kJ/mol per formula unit per e-fold of the size.
    public var betaKJPerMol: Double { betaHartree * Self.kJPerHartree }

    /// Root-mean-square residual, kJ/mol.
    public var rmsResidualKJ: Double {
        (residualsKJ.reduce(0) { $0 + $1 * $1 } / Double(max(residualsKJ.count, 1))).squareRoot()
    }

    /// Volume per formula unit of this phase, Å³ (the same for every block of whole cells).
    public var volumePerUnit: Double {
        points.reduce(0) { $0 + $1.boxVolumeA3 / $1.formulaUnits } / Double(max(points.count, 1))
    }

    /// Largest computed block's L = V^(1/3), nm.
    public var largestSizeNm: Double { (points.map(\.lengthA).max() ?? 0) / 10 }

    /// The fitted energy of a particle of N units with boundary area A (Å²), Eh; `parameters`
    /// overrides (μ, γ, β) for the uncertainty propagation.
    public func energy(units n: Double, areaA2: Double, parameters p: [Double]? = nil) -> Double {
        let q = p ?? parameterVector
        let length = pow(n * volumePerUnit, 1.0 / 3.0)
        return zip(Self.row(n, areaA2, length, .withLogTerm), q).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// (μ, γ, β).
    public var parameterVector: [Double] { [muHartree, gammaHartreePerA2, betaHartree] }

    private static func row(_ n: Double, _ area: Double, _ length: Double, _ model: Model) -> [Double] {
        model == .withLogTerm ? [n, area, n * log(length)] : [n, area]
    }
}
