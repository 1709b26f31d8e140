import Foundation

/// Text forms shared by the exports: ISO 8601 UTC timestamps and round-trip numbers.
enum ExportText {
    /// "2025-05-01T12:34:56.789Z".
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Shortest text that reads back as the same Double ("-76.4", "1e-05").
    static func number(_ value: Double) -> String { "\(value)" }
}
