import Foundation
import Structures

/// Cuts compact, stoichiometric, neutral A_N B_N X_3N fragments from an ABX3 cell
/// (DESIGN.md §3): the N B nearest the centre, then 3N X (bridging first, then terminal X
/// spread over the B with fewest X), then the N A with the most X neighbours. A molecular A
/// cation is one site at its centroid and comes out whole.
public enum PerovskiteFragmentBuilder {
    public static func build(cell input: Structure, spec: PerovskiteFragmentSpec) throws -> PerovskiteFragment {
        guard spec.units >= 1 else { throw ModelBuildError("--units must be at least 1 (got \(spec.units))") }
        let sites = try PerovskiteSites(input)
        let cell = sites.cell
        let roles = try PerovskiteRoles.identify(sites: sites)
        let lattice = cell.lattice!
        let cutoffs = PerovskiteCutoffs(cell: cell, lattice: lattice, roles: roles)
        let centre = lattice.cartesian(fromFractional: spec.centre)
        var radius = initialRadius(cell: cell, lattice: lattice, units: spec.units) + cutoffs.margin
        while true {
            let images = LatticeImages(cell: cell, lattice: lattice, centre: centre, radius: radius)
            if let cut = Cut(images: images, roles: roles, cutoffs: cutoffs, centre: centre, units: spec.units, radius: radius) {
                return fragment(cut, roles: roles, cutoffs: cutoffs, lattice: lattice, sites: sites, spec: spec)
            }
            radius *= 1.5
        }
    }

    /// Radius of a sphere holding N formula units, plus the longest cell vector.
    static func initialRadius(cell: Structure, lattice: Lattice, units: Int) -> Double {
        let perUnit = lattice.volume / Double(cell.count / 5)
        let lengths = lattice.vectors.map(Geo3.norm)
        return pow(3 * Double(units) * perUnit / (4 * .pi), 1.0 / 3) + lengths.max()!
    }

    static func fragment(_ cut: Cut, roles: PerovskiteRoles, cutoffs: PerovskiteCutoffs, lattice: Lattice,
                         sites: PerovskiteSites, spec: PerovskiteFragmentSpec) -> PerovskiteFragment {
        let atoms = (cut.b + cut.x + cut.a).flatMap { site in
            sites.members[site.source].map { (z: $0.z, position: site.position + $0.offset) }
        }
        let origin = Geo3.centroid(cut.b.map(\.position))
        let name = spec.name ?? "\(sites.cell.name)-\(spec.units)fu-\(spec.surface)"
        let structure = Structure(name: name, atomicNumbers: atoms.map(\.z), positions: atoms.map { $0.position - origin })
        let normal = spec.surface.normal(in: lattice)
        let facing = GlassFacingSites.find(in: structure, bIndices: Array(0..<spec.units),
                                           xIndices: Array(spec.units..<(4 * spec.units)),
                                           bondCutoff: cutoffs.bx, normal: normal)
        return PerovskiteFragment(structure: structure, roles: roles, units: spec.units, surface: spec.surface,
                                  normal: normal, facing: facing)
    }
}

/// The chosen image atoms of one cut (nil from `init` when the sphere was too small).
struct Cut {
    var b: [LatticeImages.Atom]
    var x: [LatticeImages.Atom]
    var a: [LatticeImages.Atom]

    init?(images: LatticeImages, roles: PerovskiteRoles, cutoffs: PerovskiteCutoffs, centre: Vec3, units: Int,
          radius: Double) {
        let key = { (atom: LatticeImages.Atom) in SiteKey(atom.position, centre: centre) }
        let bs = images.atoms.filter { $0.z == roles.b }.sorted { key($0) < key($1) }
        guard bs.count > units, Geo3.distance(bs[units - 1].position, centre) + cutoffs.margin <= radius else { return nil }
        b = Array(bs.prefix(units))
        x = Cut.chooseX(images.atoms.filter { $0.z == roles.x }, b: b, count: 3 * units, cutoff: cutoffs.bx, key: key)
        a = Cut.chooseA(images.atoms.filter { $0.z == roles.a }, x: x, count: units, cutoff: cutoffs.ax, key: key)
        guard x.count == 3 * units, a.count == units else { return nil }
    }

    /// Bridging X (bonded to ≥ 2 chosen B) nearest the centre first; then terminal X, each time
    /// on the chosen B with the fewest X so far, nearest the centre.
    static func chooseX(_ xs: [LatticeImages.Atom], b: [LatticeImages.Atom], count: Int, cutoff: Double,
                        key: (LatticeImages.Atom) -> SiteKey) -> [LatticeImages.Atom] {
        let bonded = xs.map { x in b.indices.filter { Geo3.distance(b[$0].position, x.position) <= cutoff } }
        let candidates = xs.indices.filter { !bonded[$0].isEmpty }.sorted { key(xs[$0]) < key(xs[$1]) }
        var chosen = Array(candidates.filter { bonded[$0].count >= 2 }.prefix(count))
        var perB = [Int](repeating: 0, count: b.count)
        for i in chosen { for k in bonded[i] { perB[k] += 1 } }
        var remaining = candidates.filter { bonded[$0].count == 1 }
        while chosen.count < count, !remaining.isEmpty {
            let fewest = remaining.map { perB[bonded[$0][0]] }.min()!
            let pick = remaining.firstIndex { perB[bonded[$0][0]] == fewest }!
            let i = remaining.remove(at: pick)
            chosen.append(i)
            perB[bonded[i][0]] += 1
        }
        return chosen.map { xs[$0] }
    }

    /// The A with the most chosen X within the contact cutoff, nearest the centre on ties.
    static func chooseA(_ as_: [LatticeImages.Atom], x: [LatticeImages.Atom], count: Int, cutoff: Double,
                        key: (LatticeImages.Atom) -> SiteKey) -> [LatticeImages.Atom] {
        let neighbours = as_.map { a in x.filter { Geo3.distance($0.position, a.position) <= cutoff }.count }
        let order = as_.indices.sorted { i, j in
            neighbours[i] != neighbours[j] ? neighbours[i] > neighbours[j] : key(as_[i]) < key(as_[j])
        }
        return order.prefix(count).map { as_[$0] }
    }
}
