import Structures

/// A surface given by Miller indices (h k l), e.g. "001", "110", "-111", "1,-1,0".
public struct MillerIndex: Sendable, Hashable, CustomStringConvertible {
    public var h: Int
    public var k: Int
    public var l: Int

    public init(_ h: Int, _ k: Int, _ l: Int) {
        self.h = h
        self.k = k
        self.l = l
    }

    /// Parses "001", "-110" (one digit per index, '-' before a digit negates it) or "1,-1,0" /
    /// "1 -1 0"; nil for anything else or for 000.
    public init?(_ text: String) {
        let parts = text.split { $0 == "," || $0 == " " }
        let values: [Int]?
        if parts.count == 3 {
            values = parts.compactMap { Int($0) }
        } else {
            values = Self.compact(text)
        }
        guard let v = values, v.count == 3, v != [0, 0, 0] else { return nil }
        (h, k, l) = (v[0], v[1], v[2])
    }

    private static func compact(_ text: String) -> [Int]? {
        var values: [Int] = []
        var sign = 1
        for c in text {
            if c == "-" { sign = -1; continue }
            guard let d = c.wholeNumberValue else { return nil }
            values.append(sign * d)
            sign = 1
        }
        return values
    }

    /// "001", "-110"; indices beyond one digit comma-separated ("1,10,0").
    public var description: String {
        let v = [h, k, l]
        return v.allSatisfy({ abs($0) < 10 }) ? v.map(String.init).joined() : v.map(String.init).joined(separator: ",")
    }

    /// Unit normal of the (hkl) planes of `lattice`: h a* + k b* + l c*, normalised.
    public func normal(in lattice: Lattice) -> Vec3 {
        let (a, b, c) = (lattice.vectors[0], lattice.vectors[1], lattice.vectors[2])
        let volume = Geo3.dot(a, Geo3.cross(b, c))
        let reciprocal = [Geo3.cross(b, c), Geo3.cross(c, a), Geo3.cross(a, b)].map { $0 / volume }
        let n = reciprocal[0] * Double(h) + reciprocal[1] * Double(k) + reciprocal[2] * Double(l)
        return Geo3.unit(n) ?? Vec3(0, 0, 1)
    }
}
