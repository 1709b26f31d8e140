import Foundation

/// A reproducible random source for tests (SplitMix64): every random choice in a test draws from
/// one of these, and the test prints its seed so a failure can be replayed.
///
/// The seed is the test's own fixed number unless INTERSCREEN_TEST_SEED overrides it (to explore
/// other draws locally); either way it is printed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    /// The seed this generator started from.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// A generator for the test `name`: `seed`, or INTERSCREEN_TEST_SEED when set; prints which.
    public static func forTest(_ name: String, seed: UInt64) -> SeededGenerator {
        let chosen = ProcessInfo.processInfo.environment["INTERSCREEN_TEST_SEED"].flatMap { UInt64($0) } ?? seed
        print("\(name): random seed \(chosen) (replay with INTERSCREEN_TEST_SEED=\(chosen))")
        return SeededGenerator(seed: chosen)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
