import Foundation

/// Which primitives a fragment gets: three translations; three rotations unless it is a single
/// atom or linear; its bonds; the bends below `linearBend` and the torsions through them; and
/// Cartesian coordinates of its linear centres (or of all its atoms, or of a linear fragment's)
/// when the rest does not span the fragment's 3m directions.
extension InternalCoordinates {
    /// The primitives of one fragment, with the Cartesian fallback where they lack rank.
    static func fragmentPrimitives(_ f: Int, _ atoms: [Int], _ graph: BondGraph,
                                   _ x: [Double]) -> (primitives: [Primitive], frame: RotationFrame?) {
        var list = (0..<3).map { Primitive.translation(fragment: f, axis: $0) }
        guard atoms.count > 1 else { return (list, nil) }
        let frame = RotationFrame(atoms: atoms, x: x)
        let linearFragment = Self.isLinear(atoms, x)
        if !linearFragment { list += (0..<3).map { Primitive.rotation(fragment: f, axis: $0) } }
        var linearCentres: [Int] = []
        for b in graph.bonds where atoms.contains(b.i) { list.append(.stretch(b.i, b.j)) }
        for j in atoms {
            let nb = graph.neighbours[j]
            for a in 0..<nb.count {
                for c in (a + 1)..<max(nb.count, a + 1) {
                    if PrimitiveGeometry.angleDegrees(x, nb[a], j, nb[c]) < linearBend {
                        list.append(.bend(nb[a], j, nb[c]))
                    } else {
                        linearCentres.append(j)
                    }
                }
            }
        }
        for b in graph.bonds where atoms.contains(b.i) {
            let (j, k) = (b.i, b.j)
            for i in graph.neighbours[j] where i != k {
                for l in graph.neighbours[k] where l != j && l != i {
                    if PrimitiveGeometry.angleDegrees(x, i, j, k) < linearBend,
                       PrimitiveGeometry.angleDegrees(x, j, k, l) < linearBend {
                        list.append(.torsion(i, j, k, l))
                    }
                }
            }
        }
        if linearFragment {
            list += atoms.flatMap { a in (0..<3).map { Primitive.cartesian(atom: a, axis: $0) } }
            return (list, nil)
        }
        let frames: [RotationFrame?] = Array(repeating: nil, count: f) + [frame]
        func rank(_ p: [Primitive]) -> Int {
            let rows = Self.rows(p, frames, x, fragments: graph.fragments)
            return Self.spectrum(rows, atoms: atoms).filter { $0 > rankThreshold }.count
        }
        if rank(list) < 3 * atoms.count {
            let centres = Array(Set(linearCentres)).sorted()
            let withCentres = list + centres.flatMap { a in (0..<3).map { Primitive.cartesian(atom: a, axis: $0) } }
            if !centres.isEmpty, rank(withCentres) == 3 * atoms.count { return (withCentres, frame) }
            list += atoms.flatMap { a in (0..<3).map { Primitive.cartesian(atom: a, axis: $0) } }
        }
        return (list, frame)
    }

    /// True when the fragment's atoms lie (nearly) on a line.
    static func isLinear(_ atoms: [Int], _ x: [Double]) -> Bool {
        guard atoms.count > 2 else { return true }
        let points = atoms.map { PrimitiveGeometry.position(x, $0) }
        let centre = points.reduce(SIMD3<Double>(repeating: 0), +) / Double(points.count)
        var c = [Double](repeating: 0, count: 9)
        for p in points {
            let d = p - centre
            for a in 0..<3 { for b in 0..<3 { c[3 * a + b] += d[a] * d[b] } }
        }
        let values = SymmetricEigen(c, n: 3).values
        return values[1] < 1e-3 * values[2]
    }
}
