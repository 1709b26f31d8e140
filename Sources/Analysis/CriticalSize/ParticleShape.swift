import Foundation

/// A particle shape: how its boundary area grows with its volume, A = k · V^(2/3).
///
/// Cube of edge L: A = 6L², V = L³, k = 6, size = L. Sphere of diameter d: A = πd², V = πd³/6,
/// k = (36π)^(1/3) ≈ 4.836, size = d. For isotropic boundary energies the critical cube edge and
/// the critical sphere diameter come out equal (both shapes have A/V = 6/size), which the tests
/// check: the shape changes N* (the sphere holds fewer units at the same size), not the length.
public enum ParticleShape: String, Sendable, CaseIterable, Codable {
    case cube
    case sphere

    /// k in A = k · V^(2/3).
    public var areaFactor: Double {
        switch self {
        case .cube: 6
        case .sphere: pow(36 * Double.pi, 1.0 / 3.0)
        }
    }

    /// The characteristic length (cube edge, sphere diameter) of a particle of volume `volume`
    /// (any length unit cubed; the result is in that length unit).
    public func size(ofVolume volume: Double) -> Double {
        switch self {
        case .cube: pow(volume, 1.0 / 3.0)
        case .sphere: pow(6 * volume / Double.pi, 1.0 / 3.0)
        }
    }

    /// What `size` measures, for reports.
    public var sizeName: String {
        switch self {
        case .cube: "edge"
        case .sphere: "diameter"
        }
    }
}
