import Structures

/// Element counts by atomic number, with the arithmetic a slab's stoichiometry needs.
public struct Composition: Sendable, Hashable, CustomStringConvertible {
    public var counts: [Int: Int]

    public init(_ counts: [Int: Int]) {
        self.counts = counts.filter { $0.value != 0 }
    }

    /// The atoms of `numbers`.
    public init(numbers: [Int]) {
        self.init(numbers.reduce(into: [:]) { $0[$1, default: 0] += 1 })
    }

    /// Parses "CsI", "PbI2", "Cs2Pb2I6"; nil for an unknown symbol or bad text.
    public init?(formula text: String) {
        var counts: [Int: Int] = [:]
        var chars = Array(text)[...]
        while let first = chars.first {
            guard first.isUppercase else { return nil }
            var symbol = String(chars.removeFirst())
            while let c = chars.first, c.isLowercase { symbol.append(chars.removeFirst()) }
            var digits = ""
            while let c = chars.first, c.isNumber { digits.append(chars.removeFirst()) }
            guard let z = Element.number(symbol), let n = digits.isEmpty ? 1 : Int(digits), n > 0 else { return nil }
            counts[z, default: 0] += n
        }
        guard !counts.isEmpty else { return nil }
        self.init(counts)
    }

    public var isEmpty: Bool { counts.isEmpty }

    /// Greatest common divisor of the counts (0 for none).
    public var units: Int { counts.values.reduce(0) { gcd($0, abs($1)) } }

    /// The composition divided by its gcd: Cs2I2 → CsI.
    public var reduced: Composition {
        let g = max(units, 1)
        return Composition(counts.mapValues { $0 / g })
    }

    /// How many whole `unit`s fit (the largest n with n·unit ≤ self, element by element).
    public func wholeUnits(of unit: Composition) -> Int {
        unit.counts.map { z, n in (counts[z] ?? 0) / n }.min() ?? 0
    }

    public static func - (a: Composition, b: Composition) -> Composition {
        var c = a.counts
        for (z, n) in b.counts { c[z, default: 0] -= n }
        return Composition(c)
    }

    public static func * (n: Int, a: Composition) -> Composition {
        Composition(a.counts.mapValues { $0 * n })
    }

    /// A-site (groups 1–2) first, then other cations, then anions (halogens, chalcogens), each
    /// by atomic number: "CsPbI3", "PbI2", "CsI", "NaCl"; counts of 1 left out.
    public var description: String {
        let anions: Set<Int> = [8, 9, 16, 17, 34, 35, 52, 53, 85]
        let alkali: Set<Int> = [3, 4, 11, 12, 19, 20, 37, 38, 55, 56]
        func rank(_ z: Int) -> Int { alkali.contains(z) ? 0 : anions.contains(z) ? 2 : 1 }
        let order = counts.keys.sorted { (rank($0), $0) < (rank($1), $1) }
        return order.map { z in
            let n = counts[z]!
            return (Element.symbol(z) ?? "?") + (n == 1 ? "" : String(n))
        }.joined()
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
