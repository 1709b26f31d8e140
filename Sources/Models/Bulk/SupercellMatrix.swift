/// Integer 3×3 matrix whose rows give a supercell's vectors in the cell's vectors: A′ᵢ = Σⱼ Mᵢⱼ Aⱼ.
public struct SupercellMatrix: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Rows of the matrix.
    public let rows: [[Int]]
    /// Short name: "2x2x2", "fcc-2", "bcc-2", or the rows.
    public let label: String

    /// A matrix with a positive determinant (a right-handed supercell).
    public init(rows: [[Int]], label: String? = nil) {
        precondition(rows.count == 3 && rows.allSatisfy { $0.count == 3 }, "a supercell matrix is 3×3")
        self.rows = rows
        self.label = label ?? rows.map { $0.map(String.init).joined(separator: " ") }.joined(separator: " / ")
        precondition(determinant > 0, "a supercell matrix needs a positive determinant")
    }

    /// n1 × n2 × n3 repetitions along a, b, c.
    public static func diagonal(_ n1: Int, _ n2: Int, _ n3: Int) -> SupercellMatrix {
        SupercellMatrix(rows: [[n1, 0, 0], [0, n2, 0], [0, 0, n3]], label: "\(n1)x\(n2)x\(n3)")
    }

    /// Face-centred-cubic-type supercell of a cubic cell: n(0,1,1), n(1,0,1), n(1,1,0), 2n³ cells.
    public static func faceCentred(_ n: Int) -> SupercellMatrix {
        SupercellMatrix(rows: [[0, n, n], [n, 0, n], [n, n, 0]], label: "fcc-\(n)")
    }

    /// Body-centred-cubic-type supercell of a cubic cell: n(−1,1,1), n(1,−1,1), n(1,1,−1), 4n³ cells.
    public static func bodyCentred(_ n: Int) -> SupercellMatrix {
        SupercellMatrix(rows: [[-n, n, n], [n, -n, n], [n, n, -n]], label: "bcc-\(n)")
    }

    /// Number of cells in the supercell.
    public var determinant: Int {
        let m = rows
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    }

    /// The adjugate (transpose of the cofactors): M · adj(M) = det(M) · 1.
    var adjugate: [[Int]] {
        let m = rows
        func cofactor(_ i: Int, _ j: Int) -> Int {
            let r = [0, 1, 2].filter { $0 != i }
            let c = [0, 1, 2].filter { $0 != j }
            let minor = m[r[0]][c[0]] * m[r[1]][c[1]] - m[r[0]][c[1]] * m[r[1]][c[0]]
            return (i + j) % 2 == 0 ? minor : -minor
        }
        return (0..<3).map { i in (0..<3).map { j in cofactor(j, i) } }
    }

    public var description: String { label }
}

extension SupercellMatrix {
    /// Parses a label as written by `label`: "2x2x2" (or "2×2×2"), "fcc-2", "bcc-2"; nil otherwise.
    public init?(parsing text: String) {
        let lower = text.lowercased().replacingOccurrences(of: "×", with: "x")
        for (prefix, make) in [("fcc-", SupercellMatrix.faceCentred), ("bcc-", SupercellMatrix.bodyCentred)]
        where lower.hasPrefix(prefix) {
            guard let n = Int(lower.dropFirst(prefix.count)), n > 0 else { return nil }
            self = make(n)
            return
        }
        let parts = lower.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2], a > 0, b > 0, c > 0 else {
            return nil
        }
        self = .diagonal(a, b, c)
    }
}
