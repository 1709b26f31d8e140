import Foundation
import Structures

/// Builds one plain-adsorption product: the glass fragment whole (no bond made or broken), its
/// chosen terminal imidazolate's free N beside the site's halide (`offset` Å along the
/// orientation's side) and pointing at the surface (Zn→N within 60° of the inward normal), the
/// fragment placed rigidly against the surface along the outward normal. What an exchange
/// energy is measured against: bound, but not exchanged.
struct AdsorptionAssembly: ProductAssembly {
    let surface: PerovskiteSurface
    let glass: GlassFragment
    let spec: ExchangeSpec
    let clearance = ClearanceRule()
    /// Distance from the site's halide to the target of the free N, in the surface plane (Å).
    static let offset = 3.5
    /// The free N faces the surface: its Zn→N direction within 60° of the inward normal.
    static let facing = 0.5

    func build(_ candidate: ExchangeCandidate) throws -> ExchangeProduct {
        let site = surface.sites[candidate.sites[0]]
        let ligand = glass.ligands[candidate.ligands[0]]
        let nitrogen = try freeNitrogen(ligand)
        let p = surface.structure
        let frame = surface.placementFrame([site], orientation: candidate.orientation, of: spec.orientations)
        let target = p.positions[site.x] + Self.offset * frame.side
        let outward = Geo3.unit(p.positions[site.x] - p.positions[site.b]) ?? Vec3(0, 0, 1)
        let unit = GlassUnit(intact: glass, ligand: ligand, freeNitrogen: nitrogen)
        let fixed = p.atomicNumbers.indices.map { (z: p.atomicNumbers[$0], position: p.positions[$0]) }
        var placement = RigidPlacement(numbers: unit.numbers, local: unit.local, contacts: [nitrogen])
        placement.admits = { Geo3.dot($0.apply(Vec3(1, 0, 0)), outward) <= -Self.facing }
        guard let placed = placement.best(frame: frame.axes, target: target, slide: outward, fixed: fixed,
                                          framework: Array(fixed.indices), clearance: clearance) else {
            throw ModelBuildError("no placement of the glass fragment brings its free N to the surface")
        }
        let n = p.count
        let structure = Structure(name: "", atomicNumbers: p.atomicNumbers + unit.numbers, positions: p.positions + placed,
                                  charge: p.charge + glass.structure.charge)
        var product = ExchangeProduct(name: name(candidate, sites: [site]), structure: structure, candidate: candidate,
                                      siteLabel: surface.siteName(site), framework: 0..<n, transferred: n..<n,
                                      glassUnit: n..<structure.count, info: [])
        product.structure.name = product.name
        product.info = info(product, site: site, nitrogen: n + nitrogen)
        try ProductCheck(surface: surface, glass: glass, frameworkAtoms: Array(0..<n), sites: [], ligands: [],
                         unit: unit).check(product)
        return product
    }

    /// The ligand's N not bound to its Zn: the one that points at the surface.
    func freeNitrogen(_ ligand: GlassLigand) throws -> Int {
        let z = glass.structure.atomicNumbers
        guard let n = ligand.atoms.first(where: { z[$0] == 7 && !ligand.boundNitrogens.contains($0) }) else {
            throw ModelBuildError("\(glass.structure.name): ligand \(ligand.kind.rawValue) has no free N")
        }
        return n
    }

    func name(_ c: ExchangeCandidate, sites: [PerovskiteSurface.Site]) -> String {
        let ligand = c.ligands.map { i in glass.ligands[i].kind.rawValue.lowercased() + "\(i + 1)" }.joined(separator: "-")
        return [surface.structure.name, glass.structure.name, "ads", sites.map(surface.siteName).joined(separator: "-"),
                ligand, spec.orientationTag(c.orientation)].joined(separator: "_")
    }

    func info(_ product: ExchangeProduct, site: PerovskiteSurface.Site, nitrogen: Int) -> [(String, String)] {
        let z = surface.structure.atomicNumbers
        return [
            ("adsorption", "intact"),
            ("sites", "\(surface.siteName(site)):\(Element.symbol(z[site.x]) ?? "X")\(site.x + 1)"),
            ("ligands", product.candidate.ligands.map { "\(glass.ligands[$0].kind.rawValue)\($0 + 1)" }.joined(separator: " ")),
            ("facing_nitrogen", "\(nitrogen + 1)"),
            ("orientation", "\(product.candidate.orientation)/\(spec.orientations)"),
            ("framework_atoms", ExchangeProduct.label(product.framework)),
            ("glass_atoms", ExchangeProduct.label(product.glassUnit)),
            ("perovskite", surface.structure.name), ("perovskite_hash", surface.structure.contentHash),
            ("glass", glass.structure.name), ("glass_hash", glass.structure.contentHash),
        ]
    }
}
