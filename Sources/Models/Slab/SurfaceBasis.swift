import Structures

/// An integer basis of the bulk lattice adapted to a plane (hkl): two short in-plane vectors u, v
/// (h·u = h·v = 0) and a stacking vector w with h·w = 1, det [u v w] = +1, so the oriented cell
/// holds exactly the bulk cell's atoms. Chosen by a deterministic search over small integers.
public struct SurfaceBasis: Sendable, Equatable {
    /// Rows u, v, w in the bulk cell's basis.
    public let rows: [[Int]]

    /// Why no basis was found.
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String
    }

    public init(miller: MillerIndex, lattice: Lattice) throws {
        let h = [miller.h, miller.k, miller.l]
        guard Self.gcd3(h) == 1 else {
            throw NotFound(description: "Miller index \(miller) is not in lowest terms; use the reduced plane")
        }
        let range = -3...3
        let candidates = range.flatMap { i in range.flatMap { j in range.map { k in [i, j, k] } } }
            .filter { $0 != [0, 0, 0] }
        // Shortest first; equal lengths (to 1e-6 Å) in lexicographic order, so the choice is deterministic.
        let order = { (a: [Int], b: [Int]) -> Bool in
            let (la, lb) = (Self.length(a, lattice), Self.length(b, lattice))
            return abs(la - lb) > 1e-6 ? la < lb : a.lexicographicallyPrecedes(b)
        }
        let inPlane = candidates.filter { Self.dot($0, h) == 0 }.sorted(by: order)
        let stacking = candidates.filter { Self.dot($0, h) == 1 }.sorted(by: order)
        for (iu, u) in inPlane.enumerated() {
            for v in inPlane[(iu + 1)...] {
                for w in stacking {
                    let det = Self.det([u, v, w])
                    if det == 1 { rows = [u, v, w]; return }
                    if det == -1 { rows = [v, u, w]; return }
                }
            }
        }
        throw NotFound(description: "no unimodular basis with indices up to 3 for the plane \(miller)")
    }

    /// The supercell matrix of the oriented cell.
    public var matrix: SupercellMatrix { SupercellMatrix(rows: rows, label: "oriented") }

    static func dot(_ a: [Int], _ b: [Int]) -> Int { a[0] * b[0] + a[1] * b[1] + a[2] * b[2] }

    static func det(_ m: [[Int]]) -> Int {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    }

    static func length(_ t: [Int], _ lattice: Lattice) -> Double {
        let v = lattice.vectors[0] * Double(t[0]) + lattice.vectors[1] * Double(t[1]) + lattice.vectors[2] * Double(t[2])
        return (v * v).sum().squareRoot()
    }

    static func gcd3(_ v: [Int]) -> Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
        return gcd(gcd(v[0], v[1]), v[2])
    }
}
