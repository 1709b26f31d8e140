import Foundation

/// One phase of the nanocrystal size model: its fitted energy (bulk, surface and log terms) and,
/// for particles in the glass, the energy per area the glass adds to its boundary.
///
/// The glass term is θ · ρ · ΔE: ρ the phase's surface B sites per area (from its largest block),
/// θ the exchanges per surface B site (the stated coverage), ΔE the energy of one ligand exchange
/// (the cluster reactions, Boltzmann-averaged, kJ/mol). Bare particles have none.
public struct SizePhase: Sendable, Equatable {
    public var name: String
    public var fit: NanocrystalFit
    /// Added boundary energy, Eh per Å² (0: bare).
    public var glassHartreePerA2: Double

    public init(name: String, fit: NanocrystalFit, glassHartreePerA2: Double = 0) {
        self.name = name
        self.fit = fit
        self.glassHartreePerA2 = glassHartreePerA2
    }

    /// The phase in the glass: θ exchanges per surface B site, each releasing `exchangeKJ`.
    public func inGlass(coverage: Double, exchangeKJ: Double) -> SizePhase {
        var phase = self
        phase.glassHartreePerA2 = coverage * surfaceSitesPerA2 * exchangeKJ / NanocrystalFit.kJPerHartree
        return phase
    }

    /// ρ: surface B sites per Å² of the equilibrium (Wulff) particle's boundary. Each face group's
    /// density ρ_g comes from a least-squares fit of the blocks' surface B sites to Σ_g ρ_g·A_g
    /// (through the origin), and the particle exposes group g in proportion to m_g/γ_g (a Wulff box
    /// has edges ∝ γ, so each face's area ∝ 1/γ of its family). One group: ρ of that fit. When the
    /// fit cannot be formed, the largest block's sites per area.
    public var surfaceSitesPerA2: Double {
        let rows = fit.points.map { fit.faces.areas($0) }
        let gammas = (0..<fit.faces.count).map { fit.parameterVector[1 + $0] }
        guard let densities = try? LinearLeastSquares(rows: rows, values: fit.points.map(\.surfaceBSites)).parameters,
              gammas.allSatisfy({ $0 > 0 }) else {
            guard let big = fit.points.max(by: { $0.formulaUnits < $1.formulaUnits }), big.boxAreaA2 > 0 else { return 0 }
            return big.surfaceBSites / big.boxAreaA2
        }
        let exposure = zip(fit.faces.multiplicities, gammas).map { Double($0) / $1 }
        let total = exposure.reduce(0, +)
        return zip(exposure, densities).reduce(0) { $0 + $1.0 / total * $1.1 }
    }

    /// Boundary energy per area: γ_eff (fit) plus the glass term, J/m²; nil without γ_eff.
    public var boundaryJM2: Double? {
        fit.surfaceEnergyJM2.map { $0 + glassHartreePerA2 * SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom }
    }

    /// G(N) of a particle of `shape`, Eh; `parameters` overrides the fit's. NaN when the parameters
    /// give no equilibrium shape (a face energy not positive).
    public func energy(units n: Double, shape: ParticleShape, parameters: [Double]? = nil) -> Double {
        let area = shape.areaFactor * pow(n * fit.volumePerUnit, 2.0 / 3.0)
        guard let e = fit.energy(units: n, areaA2: area, parameters: parameters) else { return .nan }
        return e + glassHartreePerA2 * area
    }
}
