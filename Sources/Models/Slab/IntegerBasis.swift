/// A basis of the integer lattice spanned by some integer vectors (row echelon form by Euclid's
/// steps), e.g. the translations that map a bonded component onto itself.
enum IntegerBasis {
    /// Echelon rows spanning the same integer lattice as `vectors`; zero rows dropped, each row's
    /// first non-zero entry positive. A chain's repeats [0,2,0], [0,-1,0] give [[0,1,0]].
    static func reduce(_ vectors: [SIMD3<Int>]) -> [SIMD3<Int>] {
        var rows = vectors.filter { $0 != .zero }
        var r = 0
        for c in 0..<3 where r < rows.count {
            while true {
                let live = (r..<rows.count).filter { rows[$0][c] != 0 }
                guard let pivot = live.min(by: { abs(rows[$0][c]) < abs(rows[$1][c]) }) else { break }
                rows.swapAt(r, pivot)
                var done = true
                for i in (r + 1)..<rows.count where rows[i][c] != 0 {
                    let q = rows[i][c] / rows[r][c]
                    rows[i] = rows[i] &- rows[r] &* q
                    if rows[i][c] != 0 { done = false }
                }
                if done { break }
            }
            if rows[r][c] != 0 { r += 1 }
        }
        return rows.prefix(r).map { row in
            let first = [row.x, row.y, row.z].first { $0 != 0 }!
            return first < 0 ? SIMD3<Int>.zero &- row : row
        }
    }
}
