import Foundation

/// Below which particle size is the active phase lower in free energy than the inactive one?
///
/// G_p(N) = N·μ_p + k·(N·v_p)^(2/3)·γ_p for each phase (`ParticlePhase`, shape factor k from
/// `ParticleShape`). G_a − G_i = N·Δμ − N^(2/3)·S with Δμ = μ_a − μ_i (per formula unit) and
/// S = k·(v_i^(2/3)·γ_i − v_a^(2/3)·γ_a), so the two cross at N*^(1/3) = S/Δμ. The critical size is
/// the active particle's edge (cube) or diameter (sphere) at N*: L* = size(N*·v_a). With equal
/// volumes per unit this is L* = 6·(γ_i − γ_a)/Δg_v, Δg_v = Δμ/v (DESIGN §5).
public struct CriticalSize: Sendable, Equatable {
    /// Which phase is lower at which sizes.
    public enum Outcome: Sendable, Equatable {
        /// Bulk prefers the inactive phase, boundaries the active one: active below N* / L*.
        case activeBelow(units: Double, sizeNm: Double)
        /// Bulk and boundaries both prefer the active phase: active at every size.
        case activeAtEverySize
        /// Bulk and boundaries both prefer the inactive phase: inactive at every size.
        case inactiveAtEverySize
        /// Bulk prefers the active phase, boundaries the inactive one: active above N* / L*.
        case activeAbove(units: Double, sizeNm: Double)

        /// L* in nm when there is a crossing.
        public var sizeNm: Double? {
            switch self {
            case let .activeBelow(_, size), let .activeAbove(_, size): size
            case .activeAtEverySize, .inactiveAtEverySize: nil
            }
        }

        /// Short words for tables and JSON.
        public var label: String {
            switch self {
            case .activeBelow: "active below L*"
            case .activeAbove: "active above L*"
            case .activeAtEverySize: "active at every size"
            case .inactiveAtEverySize: "inactive at every size"
            }
        }
    }

    public var active: ParticlePhase
    public var inactive: ParticlePhase
    public var shape: ParticleShape

    public init(active: ParticlePhase, inactive: ParticlePhase, shape: ParticleShape) {
        self.active = active
        self.inactive = inactive
        self.shape = shape
    }

    /// Δμ = μ_a − μ_i in J per formula unit (positive: the bulk prefers the inactive phase).
    public var bulkDifferenceJ: Double { active.bulkJoulesPerUnit - inactive.bulkJoulesPerUnit }

    /// S = k·(v_i^(2/3)·γ_i − v_a^(2/3)·γ_a), J (positive: the boundaries favour the active phase).
    public var boundaryAdvantageJ: Double {
        let m3 = SizeUnits.cubicMetrePerCubicAngstrom
        let i = pow(inactive.volumePerUnit * m3, 2.0 / 3.0) * inactive.boundaryJPerM2
        let a = pow(active.volumePerUnit * m3, 2.0 / 3.0) * active.boundaryJPerM2
        return shape.areaFactor * (i - a)
    }

    public var outcome: Outcome {
        let dmu = bulkDifferenceJ, s = boundaryAdvantageJ
        if dmu > 0 && s > 0 { return .activeBelow(units: units(dmu, s), sizeNm: sizeNm(units: units(dmu, s))) }
        if dmu < 0 && s < 0 { return .activeAbove(units: units(dmu, s), sizeNm: sizeNm(units: units(dmu, s))) }
        return dmu <= 0 && s >= 0 ? .activeAtEverySize : .inactiveAtEverySize
    }

    /// (S/Δμ)³.
    private func units(_ dmu: Double, _ s: Double) -> Double { pow(s / dmu, 3) }

    /// The active particle's edge or diameter, nm, at `units` formula units.
    func sizeNm(units: Double) -> Double {
        shape.size(ofVolume: units * active.volumePerUnit) / 10
    }
}
