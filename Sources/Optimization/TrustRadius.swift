/// The trust radius of the quasi-Newton steps (Bohr, Euclidean norm of the whole step), adapted
/// from how well the quadratic model predicted each energy change (Fletcher's rule).
struct TrustRadius {
    private(set) var radius: Double
    let minimum: Double
    let maximum: Double

    init(initial: Double, minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
        radius = min(max(initial, minimum), maximum)
    }

    /// After an accepted step of length `step` whose actual/predicted energy ratio is `ratio`.
    mutating func accepted(ratio: Double, step: Double) {
        if ratio < 0.25 {
            radius = max(minimum, 0.5 * min(radius, step))
        } else if ratio > 0.75, step > 0.8 * radius {
            radius = min(maximum, 2 * radius)
        }
    }

    /// After a rejected step (energy went up) or a geometry whose calculation failed.
    mutating func rejected(step: Double) {
        radius = max(minimum, 0.25 * min(radius, step))
    }

    /// True when the radius cannot shrink any further.
    var atMinimum: Bool { radius <= minimum * (1 + 1e-12) }
}
