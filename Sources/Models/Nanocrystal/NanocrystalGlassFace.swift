import Structures

/// One face of a nanocrystal block that a glass unit binds to: "+c" (or "c"), "-a", …, the face
/// across that cell vector on its positive or negative side.
public struct NanocrystalGlassFace: Sendable, Equatable {
    /// 0, 1, 2 for a, b, c.
    public var axis: Int
    /// +1 for the face the cell vector points to, −1 for the opposite one.
    public var side: Int

    /// "+c", "-a", or a bare "b" (positive side); nil for anything else.
    public init?(_ text: String) {
        var body = Substring(text.lowercased())
        var sign = 1
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard let axis = ["a", "b", "c"].firstIndex(of: String(body)) else { return nil }
        self.axis = axis
        side = sign
    }

    /// The label this face is written with: "+c", "-a".
    public var label: String { (side > 0 ? "+" : "-") + ["a", "b", "c"][axis] }

    /// cos 45°: a site's metal–halide bond must point at least this much along the face normal.
    static let outward = 0.5.squareRoot()

    /// The face across the same cell vector on the other side.
    public var opposite: NanocrystalGlassFace { var o = self; o.side = -side; return o }

    /// Accepted spellings, for error messages.
    public static let expected = "a face of the block: +a, -a, +b, -b, +c or -c"

    /// Terminal halides (bonded to one non-spectator metal) of `block` whose bond points out of this
    /// face (within 45° of its normal) and that lie in its outer layer (within `depth` Å of the
    /// outermost such halide along the normal), the one nearest the face's centre first: the sites
    /// a glass unit binds to. `vectors` are the cell's a, b, c.
    public func sites(in block: Structure, vectors: [Vec3], depth: Double = 1.0) -> [Int] {
        let others = [0, 1, 2].filter { $0 != axis }
        var normal = Geo3.unit(Geo3.cross(vectors[others[0]], vectors[others[1]])) ?? Vec3(0, 0, 1)
        normal = normal * (Geo3.dot(normal, vectors[axis]) < 0 ? -1.0 : 1.0) * Double(side)
        let terminal = PerovskiteSurface.terminalHalides(block).filter { x in
            let b = PerovskiteSurface.nearestMetal(to: x, in: block)
            guard let bond = Geo3.unit(block.positions[x] - block.positions[b]) else { return false }
            return Geo3.dot(bond, normal) >= Self.outward
        }
        guard let outer = terminal.map({ Geo3.dot(block.positions[$0], normal) }).max() else { return [] }
        let layer = terminal.filter { Geo3.dot(block.positions[$0], normal) >= outer - depth }
        let metals = block.atomicNumbers.indices.filter { PerovskiteSurface.isCentre(block.atomicNumbers[$0]) }
        let centre = Geo3.centroid(metals.map { block.positions[$0] })
        func lateral(_ i: Int) -> Vec3 {
            let r = block.positions[i] - centre
            return Geo3.perpendicular(r, to: normal)
        }
        return layer.sorted { i, j in
            let (di, dj) = (Int64((Geo3.norm(lateral(i)) * 1e4).rounded()), Int64((Geo3.norm(lateral(j)) * 1e4).rounded()))
            return di != dj ? di < dj : SiteKey(block.positions[i], centre: centre) < SiteKey(block.positions[j], centre: centre)
        }
    }
}
