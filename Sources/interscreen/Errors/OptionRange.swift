import ArgumentParser

/// Range checks of numeric options for `validate()`: every numeric option takes a negative value
/// as a separate argument (`--chrg -1`), so one that cannot be negative says so by name.
enum OptionRange {
    /// `value` (when given) must be at least `minimum`.
    static func atLeast<T: Comparable>(_ minimum: T, _ value: T?, _ option: String) throws {
        if let value, value < minimum { throw ValidationError("\(option) must be ≥ \(minimum) (got \(value))") }
    }

    /// `value` (when given) must be greater than zero.
    static func positive(_ value: Double?, _ option: String) throws {
        if let value, !(value > 0) { throw ValidationError("\(option) must be positive (got \(value))") }
    }

    /// `value` (when given) must lie in `range`.
    static func within(_ range: ClosedRange<Double>, _ value: Double?, _ option: String) throws {
        if let value, !range.contains(value) {
            throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }
}
