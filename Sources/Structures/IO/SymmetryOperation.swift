/// A crystallographic symmetry operation f′ = R f + t on fractional coordinates.
public struct SymmetryOperation: Sendable, Equatable {
    /// Rows of R.
    public var rotation: [Vec3]
    /// t, fractional.
    public var translation: Vec3

    /// The identity, x, y, z.
    public static let identity = SymmetryOperation(rotation: [Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)],
                                                   translation: .zero)

    public init(rotation: [Vec3], translation: Vec3) {
        self.rotation = rotation
        self.translation = translation
    }

    /// Parses the CIF notation: "-x+1/2, y, z+1/2", "x-y,x,z", "1/2+x", "0.5-Z"; nil if malformed.
    public init?(xyz: String) {
        let parts = xyz.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var rotation: [Vec3] = []
        var translation = Vec3.zero
        for (i, part) in parts.enumerated() {
            guard let (row, shift) = Self.component(part) else { return nil }
            rotation.append(row)
            translation[i] = shift
        }
        self.init(rotation: rotation, translation: translation)
    }

    /// f′ = R f + t.
    public func apply(_ f: Vec3) -> Vec3 {
        Vec3((rotation[0] * f).sum(), (rotation[1] * f).sum(), (rotation[2] * f).sum()) + translation
    }

    /// One coordinate expression as a row of R and a translation: signed terms such as
    /// "x", "-y", "+1/2", "0.25", "2*x".
    static func component(_ text: Substring) -> (Vec3, Double)? {
        let chars = Array(text.lowercased().filter { !$0.isWhitespace })
        var row = Vec3.zero
        var shift = 0.0
        var i = 0
        var terms = 0
        while i < chars.count {
            var sign = 1.0
            if chars[i] == "+" || chars[i] == "-" { sign = chars[i] == "-" ? -1 : 1; i += 1 }
            var value = 1.0
            var hasNumber = false
            let start = i
            while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "/" { i += 1 }
            if i > start {
                guard let number = fraction(String(chars[start..<i])) else { return nil }
                value = number
                hasNumber = true
                if i < chars.count, chars[i] == "*" { i += 1 }
            }
            if i < chars.count, let axis = "xyz".firstIndex(of: chars[i]) {
                row["xyz".distance(from: "xyz".startIndex, to: axis)] += sign * value
                i += 1
            } else if hasNumber {
                shift += sign * value
            } else {
                return nil
            }
            terms += 1
        }
        return terms > 0 ? (row, shift) : nil
    }

    /// "1/2" → 0.5, "0.25" → 0.25.
    static func fraction(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return Double(text)
        case 2:
            guard let n = Double(parts[0]), let d = Double(parts[1]), d != 0 else { return nil }
            return n / d
        default: return nil
        }
    }
}
