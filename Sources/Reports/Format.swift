import Foundation

/// Number formats of the reports.
enum Format {
    /// kJ/mol with one decimal.
    static func kj(_ x: Double) -> String { String(format: "%.1f", x) }
    /// With an explicit sign, two decimals.
    static func signed(_ x: Double) -> String { String(format: "%+.2f", x) }
    /// An integer when whole, else as is.
    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
    /// "–" for nil.
    static func kj(_ x: Double?) -> String { x.map { kj($0) } ?? "–" }
    /// A percentage with one decimal.
    static func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
    /// Seconds with two significant decimals.
    static func seconds(_ x: Double) -> String { String(format: "%.2f s", x) }
}
