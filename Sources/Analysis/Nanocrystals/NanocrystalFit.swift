import Foundation
import Structures

/// E = N·μ + Σ_f A_f·γ_f + β·N·ln(L / 1 Å), fitted by least squares to one phase's nanocrystals.
///
/// N formula units; A_f the box's area in each group of equivalent face families (`FaceGroups`:
/// one γ for a cubic cell, three for an orthorhombic one); L = V^(1/3) of the box. The log term is
/// the one GFN-xTB's Klopman–Ohno kernel gives an ionic crystal (docs/surfaces.md §4: its r⁻³ tail
/// has a net weight per cell, so the energy per unit keeps falling like ln(size)); `withoutLogTerm`
/// fits without it, to show whether the data need it. μ and β depend on the length unit only
/// together (μ is the energy per unit at L = 1 Å): compare phases only through the same formula.
///
/// A particle of any shape takes the effective γ of its equilibrium (Wulff) box: at fixed volume
/// the box with edges ∝ γ_f has surface energy 6·(γ_bc·γ_ca·γ_ab)^(1/3)·V^(2/3), so γ_eff is the
/// geometric mean over the three face families (γ for a cubic cell).
public struct NanocrystalFit: Sendable, Equatable {
    /// Which terms are fitted.
    public enum Model: String, Sendable, Codable {
        case withLogTerm = "N·μ + Σ A_f·γ_f + β·N·ln L"
        case withoutLogTerm = "N·μ + Σ A_f·γ_f"
    }

    public let model: Model
    public let points: [NanocrystalEnergy]
    public let faces: FaceGroups
    /// (μ, γ per face group, [β]) in Eh per unit, Eh/Å², Eh per unit per e-fold.
    public let parameterVector: [Double]
    /// Covariance of `parameterVector`; nil with no degree of freedom left.
    public let covariance: [[Double]]?
    /// Computed minus fitted energy of each point, kJ/mol.
    public let residualsKJ: [Double]

    public init(_ points: [NanocrystalEnergy], model: Model = .withLogTerm) throws {
        let faces = FaceGroups(points)
        let rows = points.map { p in [p.formulaUnits] + faces.areas(p) + (model == .withLogTerm ? [p.formulaUnits * log(p.lengthA)] : []) }
        let fit = try LinearLeastSquares(rows: rows, values: points.map(\.energyHartree))
        self.model = model
        self.points = points
        self.faces = faces
        parameterVector = fit.parameters + (model == .withLogTerm ? [] : [0])
        covariance = fit.covariance.map { c in model == .withLogTerm ? c : c.map { $0 + [0] } + [Array(repeating: 0, count: c.count + 1)] }
        residualsKJ = fit.residuals.map { $0 * Self.kJPerHartree }
    }

    /// kJ/mol per Hartree (the one constant of Structures' `Units`).
    public static let kJPerHartree = Units.kJPerMolPerHartree

    /// μ, Eh per formula unit.
    public var muHartree: Double { parameterVector[0] }
    /// β, Eh per formula unit per e-fold of L (0 without the log term).
    public var betaHartree: Double { parameterVector[parameterVector.count - 1] }
    /// β in kJ/mol per formula unit per e-fold of the size.
    public var betaKJPerMol: Double { betaHartree * Self.kJPerHartree }

    /// γ of each face group, J/m².
    public var faceEnergiesJM2: [Double] {
        (0..<faces.count).map { parameterVector[1 + $0] * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom }
    }

    /// γ_eff (geometric mean over the three face families), Eh/Å²; nil when a face energy is not positive.
    public func effectiveGamma(_ p: [Double]? = nil) -> Double? {
        let q = p ?? parameterVector
        if faces.count == 1 { return q[1] }
        let gammas = (0..<faces.count).map { q[1 + $0] }
        guard gammas.allSatisfy({ $0 > 0 }) else { return nil }
        return exp(zip(gammas, faces.multiplicities).reduce(0) { $0 + Double($1.1) * log($1.0) } / 3)
    }

    /// γ_eff in J/m² (nil: a face energy is not positive, so no equilibrium box exists).
    public var surfaceEnergyJM2: Double? {
        effectiveGamma().map { $0 * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom }
    }

    /// Standard error of γ_eff, J/m², to first order in the face energies; nil without covariance.
    public var surfaceEnergySigmaJM2: Double? {
        guard let c = covariance, let g = effectiveGamma() else { return nil }
        let gradient = (0..<faces.count).map { k in
            faces.count == 1 ? 1 : g * Double(faces.multiplicities[k]) / 3 / parameterVector[1 + k]
        }
        let variance = gradient.indices.reduce(0.0) { s, i in
            s + gradient.indices.reduce(0.0) { $0 + gradient[i] * c[1 + i][1 + $1] * gradient[$1] }
        }
        return max(variance, 0).squareRoot() * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom
    }

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

    /// The fitted energy of a particle of N units with boundary area A (Å²) at γ_eff, Eh;
    /// `parameters` overrides `parameterVector` for the uncertainty propagation. nil without γ_eff.
    public func energy(units n: Double, areaA2: Double, parameters p: [Double]? = nil) -> Double? {
        let q = p ?? parameterVector
        guard let gamma = effectiveGamma(q) else { return nil }
        return n * q[0] + areaA2 * gamma + q[q.count - 1] * n * log(pow(n * volumePerUnit, 1.0 / 3.0))
    }
}
