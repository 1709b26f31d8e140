import Structures

/// The origin shift of a nanocrystal's cut: on a grid of 8 values per axis (0, 1/8 … 7/8), the one
/// that keeps the most B–X bonds inside the block; ties go to the lexicographically smallest.
enum NanocrystalOrigin {
    /// Grid points per axis.
    static let grid = 8
    /// Fractional coordinates within this of a cell face count as on the lower face, so that an
    /// atom exactly on a face (0 or 1 up to rounding) always lands on the same side.
    static let faceTolerance = 1e-6

    /// Every grid offset, in lexicographic order (x slowest).
    static var offsets: [Vec3] {
        (0..<grid).flatMap { i in
            (0..<grid).flatMap { j in (0..<grid).map { k in Vec3(Double(i), Double(j), Double(k)) / Double(grid) } }
        }
    }

    /// Fractional coordinates `f` shifted by −`origin` and wrapped into [−tolerance, 1 − tolerance).
    static func wrap(_ f: [Vec3], origin: Vec3) -> [Vec3] {
        f.map { point in
            let x = point - origin
            return x - (x + Vec3(repeating: faceTolerance)).rounded(.down)
        }
    }

    /// The best grid offset for a block of `repeats` cells, with the steps of its bonds: every
    /// offset of the grid, each site wrapped on its own.
    static func best(fractional: [Vec3], bonds: NanocrystalBonds,
                     repeats: SIMD3<Int>) -> (origin: Vec3, steps: [SIMD3<Int>], kept: Int) {
        best(offsets: offsets, bonds: bonds, repeats: repeats) { wrap(fractional, origin: $0) }
    }

    /// Of `offsets` (in order), the one whose placed sites keep the most bonds; ties to the first.
    static func best(offsets: [Vec3], bonds: NanocrystalBonds, repeats: SIMD3<Int>,
                     place: (Vec3) -> [Vec3]) -> (origin: Vec3, steps: [SIMD3<Int>], kept: Int) {
        var best: (origin: Vec3, steps: [SIMD3<Int>], kept: Int)?
        for origin in offsets {
            let steps = bonds.steps(wrapped: place(origin))
            let kept = NanocrystalBonds.kept(steps: steps, repeats: repeats)
            if best == nil || kept > best!.kept { best = (origin, steps, kept) }
        }
        return best!
    }
}
