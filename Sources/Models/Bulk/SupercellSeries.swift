import Structures

/// The supercells a Γ-point convergence series walks through, smallest first.
///
/// A Γ-point calculation on a supercell samples only the k-points that fold onto Γ, so the series
/// must keep the band edges in the sample or it oscillates (measured, GFN2, α-CsPbI3, whose band
/// edges sit at R: 2×2×2 → 3×3×3 → 4×4×4 move the α − δ difference 142 → 26 → 42 kJ/mol, because
/// 3×3×3 misses R).
public enum SupercellSeries: Sendable, Hashable {
    /// For cubic cells: supercells that fold Γ, X, M and R onto Γ, each sampling more k-points —
    /// n×n×n, fcc-n and bcc-n for even n, ordered by size: 2x2x2 (8 cells), fcc-2 (16),
    /// bcc-2 (32), 4x4x4 (64), fcc-4 (128), 6x6x6 (216), bcc-4 (256), …
    case cubicEven
    /// For other cells: start from the smallest diagonal supercell whose faces are at least
    /// `minimumWidth` Å apart, then repeatedly add one cell along the direction whose supercell
    /// face width is smallest (ties: a before b before c). For δ-CsPbI3 (10.46 × 4.80 × 17.78 Å)
    /// this grows the short b axis first: 1x2x1, 1x3x1, 2x3x1, 2x4x1, …
    case shortestAxis(minimumWidth: Double)
    /// Exactly these supercells, in this order.
    case explicit([SupercellMatrix])

    /// Default minimum face width of the `shortestAxis` series, Å.
    public static let defaultMinimumWidth = 8.0

    /// `cubicEven` for a cubic cell, `shortestAxis` otherwise.
    public static func automatic(for cell: Structure) -> SupercellSeries {
        guard let lattice = cell.lattice else { return .shortestAxis(minimumWidth: defaultMinimumWidth) }
        return isCubic(lattice) ? .cubicEven : .shortestAxis(minimumWidth: defaultMinimumWidth)
    }

    /// Short name for reports.
    public var name: String {
        switch self {
        case .cubicEven: "cubic-even"
        case .shortestAxis: "shortest-axis"
        case .explicit: "explicit"
        }
    }

    /// The supercells of `cell` in order, as long as they hold at most `maxAtoms` atoms, plus the
    /// first one beyond (so that a report can say what the cap stopped). At most `limit` entries.
    public func matrices(for cell: Structure, maxAtoms: Int, limit: Int = 64) -> [SupercellMatrix] {
        var result: [SupercellMatrix] = []
        for matrix in candidates(for: cell, limit: limit) {
            result.append(matrix)
            if matrix.determinant * cell.count > maxAtoms { break }
        }
        return result
    }

    private func candidates(for cell: Structure, limit: Int) -> [SupercellMatrix] {
        switch self {
        case .cubicEven: return Self.cubicCandidates(limit: limit)
        case let .shortestAxis(width): return Self.shortestAxisCandidates(cell, minimumWidth: width, limit: limit)
        case let .explicit(matrices): return matrices
        }
    }

    static func cubicCandidates(limit: Int) -> [SupercellMatrix] {
        let evens = stride(from: 2, through: 2 * limit, by: 2)
        let all = evens.flatMap { n in
            [SupercellMatrix.diagonal(n, n, n), .faceCentred(n), .bodyCentred(n)]
        }
        return Array(all.sorted { $0.determinant < $1.determinant }.prefix(limit))
    }

    static func shortestAxisCandidates(_ cell: Structure, minimumWidth: Double, limit: Int) -> [SupercellMatrix] {
        guard let widths = cell.lattice.map(faceWidths) else { return [] }
        var n = widths.map { max(1, Int((minimumWidth / $0).rounded(.up))) }
        var result: [SupercellMatrix] = []
        while result.count < limit {
            result.append(.diagonal(n[0], n[1], n[2]))
            let grow = (0..<3).min { Double(n[$0]) * widths[$0] < Double(n[$1]) * widths[$1] }!
            n[grow] += 1
        }
        return result
    }

    /// Distances between opposite faces, Å (volume / area of the face).
    static func faceWidths(_ lattice: Lattice) -> [Double] {
        let v = lattice.vectors
        let cross = { (u: Vec3, w: Vec3) in Vec3(u.y * w.z - u.z * w.y, u.z * w.x - u.x * w.z, u.x * w.y - u.y * w.x) }
        let norm = { (u: Vec3) in (u * u).sum().squareRoot() }
        return [norm(cross(v[1], v[2])), norm(cross(v[2], v[0])), norm(cross(v[0], v[1]))].map { lattice.volume / $0 }
    }

    /// Three orthogonal vectors of equal length (relative tolerance 1e-6).
    static func isCubic(_ lattice: Lattice) -> Bool {
        let v = lattice.vectors
        let lengths = v.map { ($0 * $0).sum().squareRoot() }
        let scale = lengths.max() ?? 0
        guard scale > 0, lengths.allSatisfy({ abs($0 - scale) < 1e-6 * scale }) else { return false }
        let dots = [(v[0] * v[1]).sum(), (v[1] * v[2]).sum(), (v[0] * v[2]).sum()]
        return dots.allSatisfy { abs($0) < 1e-6 * scale * scale }
    }
}
