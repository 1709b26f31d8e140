import Foundation

/// One phase of a particle for the size model: bulk energy per formula unit, volume per formula
/// unit and the energy per area of its boundary (bare surface or interface with a glass).
public struct ParticlePhase: Sendable, Equatable, Codable {
    public var name: String
    /// μ_p: bulk energy per formula unit, kJ/mol, on any reference shared by the phases compared.
    public var bulkKJPerMol: Double
    /// v_p: volume per formula unit of this phase, Å³ (each phase its own: δ-CsPbI3 is denser than α).
    public var volumePerUnit: Double
    /// γ_p: energy per area of the boundary, J/m².
    public var boundaryJPerM2: Double

    public init(name: String, bulkKJPerMol: Double, volumePerUnit: Double, boundaryJPerM2: Double) {
        self.name = name
        self.bulkKJPerMol = bulkKJPerMol
        self.volumePerUnit = volumePerUnit
        self.boundaryJPerM2 = boundaryJPerM2
    }

    /// G_p(N) = N·μ_p + A_p(N)·γ_p in J per particle, with A_p(N) = k · (N·v_p)^(2/3).
    public func freeEnergy(units n: Double, shape: ParticleShape) -> Double {
        n * bulkJoulesPerUnit + area(units: n, shape: shape) * boundaryJPerM2
    }

    /// Boundary area of an N-unit particle of this phase, m².
    public func area(units n: Double, shape: ParticleShape) -> Double {
        shape.areaFactor * pow(n * volumePerUnit * SizeUnits.cubicMetrePerCubicAngstrom, 2.0 / 3.0)
    }

    /// μ_p in J per formula unit.
    var bulkJoulesPerUnit: Double { bulkKJPerMol * 1000 / SizeUnits.avogadro }
}
