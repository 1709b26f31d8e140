import Foundation
import TestSupport

/// Seeded, libFuzzer-like mutations of seed files, for the in-suite parser fuzz runs.
///
/// The same seed always gives the same inputs (SplitMix64, no clock), so a failure is
/// reproduced by running the test again.
public struct SeededMutator {
    var random: SeededGenerator
    /// Words spliced into inputs (libFuzzer dictionary entries and boundary numbers).
    let words: [[UInt8]]

    public init(seed: UInt64, words: [String]) {
        random = SeededGenerator(seed: seed)
        self.words = (words + Self.boundaries).map { Array($0.utf8) }
    }

    /// Numbers and bytes that have broken parsers before: overflow, non-finite, separators.
    static let boundaries = ["9223372036854775807", "-9223372036854775808", "1e308", "-1e308", "1e-320",
                             "nan", "inf", "0", "-1", "\n", "\r\n", "\"", "'", ",", "=", " ", "\u{FEFF}"]

    /// `count` inputs made from `seeds`, each one to five stacked mutations of a random seed.
    public mutating func inputs(from seeds: [[UInt8]], count: Int) -> [[UInt8]] {
        (0..<count).map { _ in
            var bytes = seeds[pick(seeds.count)]
            for _ in 0...pick(5) { mutate(&bytes, seeds: seeds) }
            return bytes
        }
    }

    mutating func mutate(_ bytes: inout [UInt8], seeds: [[UInt8]]) {
        let at = pick(bytes.count + 1)
        switch pick(7) {
        case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << pick(8))
        case 1: bytes.insert(contentsOf: words[pick(words.count)], at: at)
        case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + pick(16)))
        case 3: replaceNumber(&bytes, at: at)
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, at + 1 + pick(64))
            bytes.insert(contentsOf: Array(bytes[min(at, bytes.count - 1)..<end]), at: pick(bytes.count + 1))
        case 5:
            let other = seeds[pick(seeds.count)]
            let start = pick(other.count + 1)
            bytes.insert(contentsOf: other[start..<min(other.count, start + pick(256))], at: at)
        default: bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
        }
    }

    /// Replaces the run of digits at or after `at` with a boundary number.
    mutating func replaceNumber(_ bytes: inout [UInt8], at: Int) {
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        guard let start = bytes[min(at, bytes.count)...].firstIndex(where: isDigit) else { return }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        bytes.replaceSubrange(start..<end, with: Array(Self.boundaries[pick(8)].utf8))
    }

    mutating func pick(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    mutating func next() -> UInt64 { random.next() }
}
