/// A batch walltime, "HH:MM:SS" (hours may exceed 23), as both schedulers spell it.
public struct Walltime: Sendable, Equatable, CustomStringConvertible {
    /// Total seconds.
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Parses "HH:MM:SS" (also "MM:SS"); minutes and seconds below 60, more than zero in all.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            throw BatchError("walltime must be HH:MM:SS, not \"\(text)\"")
        }
        let values = parts.map { $0 ?? 0 }
        let (h, m, s) = values.count == 3 ? (values[0], values[1], values[2]) : (0, values[0], values[1])
        guard m < 60, s < 60, h * 3600 + m * 60 + s > 0 else {
            throw BatchError("walltime must be HH:MM:SS with MM and SS below 60 and more than zero, not \"\(text)\"")
        }
        seconds = h * 3600 + m * 60 + s
    }

    /// "HH:MM:SS".
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    }
}
