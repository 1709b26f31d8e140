/// The "AxBxC" label of a nanocrystal's repeats (positive integers along a, b, c).
public enum NanocrystalRepeats {
    /// The expected form, for messages.
    public static let expected = "three positive integers joined by x, e.g. \"4x4x4\" or \"2x3x2\""

    /// Repeats of "4x4x4"; nil unless exactly three integers ≥ 1.
    public static func parse(_ label: String) -> SIMD3<Int>? {
        let parts = label.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let values = parts.compactMap { part in !part.isEmpty && part.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(part) : nil }
        guard values.count == 3, values.allSatisfy({ $0 >= 1 }) else { return nil }
        return SIMD3(values[0], values[1], values[2])
    }

    /// "4x4x4".
    public static func label(_ repeats: SIMD3<Int>) -> String {
        "\(repeats.x)x\(repeats.y)x\(repeats.z)"
    }
}
