import Foundation

/// Where G_active(N) − G_inactive(N) changes sign for particles of one shape, both phases from
/// their nanocrystal fits (`SizePhase`), searched over active-particle sizes 0.5 nm … 1 µm.
///
/// The log term makes the difference no longer a closed form (CriticalSize's N*^(1/3) = S/Δμ),
/// so the crossing is found numerically: the size window is scanned on a log grid and each sign
/// change refined by bisection. The first crossing is L*; any further ones are reported, not hidden.
public struct SizeCrossing: Sendable, Equatable {
    public static let windowNm: ClosedRange<Double> = 0.5...1000

    public var active: SizePhase
    public var inactive: SizePhase
    public var shape: ParticleShape

    public init(active: SizePhase, inactive: SizePhase, shape: ParticleShape) {
        self.active = active
        self.inactive = inactive
        self.shape = shape
    }

    /// G_a − G_i at N units, Eh (per particle); optional parameter overrides per phase.
    public func difference(units n: Double, active pa: [Double]? = nil, inactive pi: [Double]? = nil) -> Double {
        active.energy(units: n, shape: shape, parameters: pa) - inactive.energy(units: n, shape: shape, parameters: pi)
    }

    /// Sizes (nm) at which the sign changes, in increasing order (none when the parameters give a
    /// phase no equilibrium shape).
    public func crossings(active pa: [Double]? = nil, inactive pi: [Double]? = nil) -> [Double] {
        let (first, last) = (log(units(nm: Self.windowNm.lowerBound)), log(units(nm: Self.windowNm.upperBound)))
        let grid = (0...600).map { exp(first + Double($0) / 600 * (last - first)) }
        let values = grid.map { difference(units: $0, active: pa, inactive: pi) }
        guard !values.contains(where: \.isNaN) else { return [] }
        var found: [Double] = []
        for k in grid.indices.dropLast() where values[k] == 0 || (values[k] < 0) != (values[k + 1] < 0) {
            found.append(sizeNm(units: bisect(grid[k], grid[k + 1], pa, pi)))
        }
        return found
    }

    /// Which phase is lower on which side of L* (CriticalSize's outcomes; "every size" means every
    /// size in the window).
    public func outcome(active pa: [Double]? = nil, inactive pi: [Double]? = nil) -> CriticalSize.Outcome {
        let small = difference(units: units(nm: Self.windowNm.lowerBound), active: pa, inactive: pi)
        guard let first = crossings(active: pa, inactive: pi).first else {
            return small < 0 ? .activeAtEverySize : .inactiveAtEverySize
        }
        let n = units(nm: first)
        return small < 0 ? .activeBelow(units: n, sizeNm: first) : .activeAbove(units: n, sizeNm: first)
    }

    /// Formula units of an active particle of size `nm` (cube edge, sphere diameter).
    func units(nm: Double) -> Double {
        let length = nm * 10
        let volume = shape == .cube ? pow(length, 3) : Double.pi * pow(length, 3) / 6
        return volume / active.fit.volumePerUnit
    }

    func sizeNm(units n: Double) -> Double { shape.size(ofVolume: n * active.fit.volumePerUnit) / 10 }

    private func bisect(_ lo: Double, _ hi: Double, _ pa: [Double]?, _ pi: [Double]?) -> Double {
        var (a, b) = (lo, hi)
        let signA = difference(units: a, active: pa, inactive: pi) < 0
        for _ in 0..<80 {
            let mid = (a * b).squareRoot()
            if (difference(units: mid, active: pa, inactive: pi) < 0) == signA { a = mid } else { b = mid }
        }
        return (a * b).squareRoot()
    }
}
