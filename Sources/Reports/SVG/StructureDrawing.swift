import Structures

/// A small picture of a cluster: an orthographic projection onto the plane in which it is widest
/// (of the three Cartesian planes), atoms coloured by element and drawn back to front, bonds where
/// two atoms are closer than 1.2 × the sum of their covalent radii, and marked atoms outlined.
struct StructureDrawing {
    let structure: Structure
    /// Atoms to highlight (e.g. the exchanged ligand).
    let highlighted: Set<Int>

    /// Draws into `canvas` inside the box (x, y, size × size); `row` names the source rows.
    func draw(on canvas: inout SVGCanvas, x: Double, y: Double, size: Double, row: String, tooltip: String) {
        let p = structure.positions.map { [$0.x, $0.y, $0.z] }
        guard !p.isEmpty else { return }
        let (u, v, w) = Self.plane(p)
        let us = p.map { $0[u] }, vs = p.map { $0[v] }
        let span = max(us.max()! - us.min()!, vs.max()! - vs.min()!, 1) + 2
        let scale = size / span
        let cu = (us.max()! + us.min()!) / 2, cv = (vs.max()! + vs.min()!) / 2
        let px = { (i: Int) in x + size / 2 + (us[i] - cu) * scale }
        let py = { (i: Int) in y + size / 2 - (vs[i] - cv) * scale }
        canvas.rect(x: x, y: y, width: size, height: size, row: row, tooltip: tooltip, cssClass: "structure-box")
        for (i, j) in bonds() {
            canvas.line(px(i), py(i), px(j), py(j),
                        cssClass: highlighted.contains(i) && highlighted.contains(j) ? "bond exchanged" : "bond")
        }
        for i in p.indices.sorted(by: { p[$0][w] < p[$1][w] }) {
            let z = structure.atomicNumbers[i]
            canvas.atom(x: px(i), y: py(i), radius: max(1.5, ElementStyle.radius(z) * scale),
                        fill: ElementStyle.colour(z), cssClass: highlighted.contains(i) ? "atom exchanged" : "atom")
        }
    }

    /// The two Cartesian axes with the largest spread (drawn) and the third (depth).
    static func plane(_ p: [[Double]]) -> (Int, Int, Int) {
        let spread = (0..<3).map { k in (p.map { $0[k] }.max()! - p.map { $0[k] }.min()!) }
        let order = (0..<3).sorted { spread[$0] > spread[$1] }
        return (order[0], order[1], order[2])
    }

    /// Pairs closer than 1.2 × (r_cov,i + r_cov,j), A-site cations left out.
    func bonds() -> [(Int, Int)] {
        let z = structure.atomicNumbers, r = structure.positions
        var out: [(Int, Int)] = []
        for i in z.indices where !ElementStyle.unbonded.contains(z[i]) {
            for j in (i + 1)..<z.count where !ElementStyle.unbonded.contains(z[j]) {
                guard let a = Element.covalentRadius(z[i]), let b = Element.covalentRadius(z[j]) else { continue }
                let d = r[i] - r[j]
                if (d * d).sum() < (1.2 * (a + b)) * (1.2 * (a + b)) { out.append((i, j)) }
            }
        }
        return out
    }
}
