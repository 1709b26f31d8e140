/// The closest pair of atoms nearer than a cutoff, found with a cell list in O(N).
///
/// Positions are binned in (fractional) cell coordinates so that every bin is at least
/// `cutoff` wide; only neighbouring bins are compared. Periodic directions use the minimum
/// image; a molecule is binned in Cartesian coordinates.
struct CloseContacts {
    /// Atom indices (i < j), their distance, and how many pairs are closer than the cutoff.
    struct Result: Equatable {
        var i: Int
        var j: Int
        var distance: Double
        var pairs: Int
    }

    let positions: [Vec3]
    let cell: Lattice
    let cutoff: Double

    init(positions: [Vec3], lattice: Lattice?, cutoff: Double) {
        self.positions = positions
        let identity = [Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)]
        self.cell = lattice ?? Lattice(vectors: identity, pbc: [false, false, false])
        self.cutoff = cutoff
    }

    /// The closest pair below the cutoff, nil when none.
    func closestPair() -> Result? {
        guard positions.count > 1, cutoff > 0 else { return nil }
        let fractional = positions.map { f in wrapped(cell.fractional(fromCartesian: f)) }
        let grid = Grid(fractional, widths: cell.faceWidths, pbc: cell.pbc, cutoff: cutoff)
        var best: Result?
        var pairs = 0
        for (i, bin) in grid.binOfAtom.enumerated() {
            for neighbour in grid.neighbours(of: bin) {
                for j in grid.atoms[neighbour] ?? [] where j > i {
                    let d = distance(i, j)
                    guard d < cutoff else { continue }
                    pairs += 1
                    if best.map({ d < $0.distance }) ?? true { best = Result(i: i, j: j, distance: d, pairs: 0) }
                }
            }
        }
        best?.pairs = pairs
        return best
    }

    /// Fractional coordinates wrapped into [0, 1) along periodic directions.
    func wrapped(_ f: Vec3) -> Vec3 {
        var w = f
        for k in 0..<3 where cell.pbc[k] {
            w[k] -= w[k].rounded(.down)
            if w[k] >= 1 { w[k] = 0 }
        }
        return w
    }

    /// Distance between atoms i and j (minimum image when periodic).
    func distance(_ i: Int, _ j: Int) -> Double {
        cell.pbc.contains(true) ? length(cell.minimumImage(from: positions[i], to: positions[j]))
            : length(positions[j] - positions[i])
    }

    /// Bins along each direction and the atoms in each occupied bin.
    struct Grid {
        var counts = SIMD3<Int>(1, 1, 1)
        var pbc: [Bool]
        var binOfAtom: [SIMD3<Int>] = []
        var atoms: [SIMD3<Int>: [Int]] = [:]

        init(_ fractional: [Vec3], widths: Vec3, pbc: [Bool], cutoff: Double) {
            self.pbc = pbc
            var low = Vec3.zero
            var span = Vec3.one
            for k in 0..<3 where !pbc[k] {
                let values = fractional.map { $0[k] }
                low[k] = values.min()!
                span[k] = max(values.max()! - low[k], 1e-12)
            }
            for k in 0..<3 {
                counts[k] = Self.clamped(span[k] * widths[k] / cutoff, 1, 1 << 20)
            }
            binOfAtom = fractional.map { f in
                var bin = SIMD3<Int>.zero
                for k in 0..<3 {
                    bin[k] = Self.clamped((f[k] - low[k]) / span[k] * Double(counts[k]), 0, counts[k] - 1)
                }
                return bin
            }
            for (i, bin) in binOfAtom.enumerated() { atoms[bin, default: []].append(i) }
        }

        /// `x` rounded down into `low…high`; NaN (a degenerate cell, or coordinates so far apart
        /// that their span overflows) gives `low`, so such input never traps on conversion.
        static func clamped(_ x: Double, _ low: Int, _ high: Int) -> Int {
            guard x > Double(low) else { return low }
            return x < Double(high) ? Int(x) : high
        }

        /// The distinct bins within ±1 of `bin` (wrapping along periodic directions).
        func neighbours(of bin: SIMD3<Int>) -> Set<SIMD3<Int>> {
            var result = Set<SIMD3<Int>>()
            for dx in -1...1 {
                for dy in -1...1 {
                    for dz in -1...1 {
                        var n = bin &+ SIMD3(dx, dy, dz)
                        var inside = true
                        for k in 0..<3 {
                            if pbc[k] { n[k] = (n[k] % counts[k] + counts[k]) % counts[k] }
                            else if n[k] < 0 || n[k] >= counts[k] { inside = false }
                        }
                        if inside { result.insert(n) }
                    }
                }
            }
            return result
        }
    }
}
