import Foundation
import Structures

/// Builds one exchange product: the chosen X leave their metals, the chosen imidazolates take
/// their places (M–N along the old M–X axis), each X goes onto the Zn its ligand left (along
/// the old Zn–N axis) and the rest of the glass fragment is placed rigidly against the surface.
struct ExchangeAssembly: ProductAssembly {
    let surface: PerovskiteSurface
    let glass: GlassFragment
    let spec: ExchangeSpec
    let clearance = ClearanceRule()

    func build(_ candidate: ExchangeCandidate) throws -> ExchangeProduct {
        let sites = candidate.sites.map { surface.sites[$0] }
        let ligands = candidate.ligands.map { glass.ligands[$0] }
        let p = surface.structure
        let removed = Set(sites.map(\.x))
        let frameworkAtoms = p.atomicNumbers.indices.filter { !removed.contains($0) }
        let frame = surface.placementFrame(sites, orientation: candidate.orientation, of: spec.orientations)
        let fixed = try placeLigands(sites, ligands, frameworkAtoms: frameworkAtoms, side: frame.side)
        let halide = p.atomicNumbers[sites[0].x]
        let unit = GlassUnit(glass: glass, moving: ligands, halide: halide,
                             zincHalide: spec.zincHalide ?? ExchangeSpec.zincHalide(for: halide))
        let placed = try placeUnit(unit, fixed: fixed, frameworkCount: frameworkAtoms.count, frame: frame)
        let structure = Structure(name: "", atomicNumbers: fixed.map(\.z) + unit.numbers, positions: fixed.map(\.position) + placed,
                                  charge: p.charge + glass.structure.charge)
        let n = frameworkAtoms.count
        var product = ExchangeProduct(name: name(candidate, sites: sites), structure: structure, candidate: candidate,
                                      siteLabel: sites.map(surface.siteName).joined(separator: " "), framework: 0..<n,
                                      transferred: n..<fixed.count, glassUnit: fixed.count..<structure.count, info: [])
        product.structure.name = product.name
        product.info = info(product, sites: sites)
        try ProductCheck(surface: surface, glass: glass, frameworkAtoms: frameworkAtoms, sites: sites, ligands: ligands,
                         unit: unit).check(product)
        return product
    }

    /// The framework atoms followed by each moved ligand on its site.
    func placeLigands(_ sites: [PerovskiteSurface.Site], _ ligands: [GlassLigand], frameworkAtoms: [Int],
                      side: Vec3) throws -> [(z: Int, position: Vec3)] {
        let p = surface.structure
        var fixed = frameworkAtoms.map { (z: p.atomicNumbers[$0], position: p.positions[$0]) }
        for (site, ligand) in zip(sites, ligands) {
            let transfer = try LigandTransfer(glass: glass.structure, ligand: ligand)
            let u = Geo3.unit(p.positions[site.x] - p.positions[site.b])!
            let placed = try transfer.placed(metal: frameworkAtoms.firstIndex(of: site.b)!, fixed: fixed, outward: u,
                                             facing: side, distance: spec.metalNitrogen, clearance: clearance)
            fixed += zip(transfer.numbers, placed).map { (z: $0, position: $1) }
        }
        return fixed
    }

    /// The glass unit against the framework and moved ligands: its Zn aimed 5 Å beside the
    /// moved ring(s), coming in along the line from the fragment's centroid.
    func placeUnit(_ unit: GlassUnit, fixed: [(z: Int, position: Vec3)], frameworkCount: Int,
                   frame: (axes: RigidRotation, side: Vec3)) throws -> [Vec3] {
        let ringCentre = Geo3.centroid(fixed[frameworkCount...].filter { $0.z != 1 }.map(\.position))
        let target = ringCentre + 5.0 * frame.side
        let slide = Geo3.unit(target - Geo3.centroid(surface.structure.positions)) ?? frame.axes.r0
        let placement = RigidPlacement(numbers: unit.numbers, local: unit.local, contacts: unit.halides)
        guard let placed = placement.best(frame: frame.axes, target: target, slide: slide, fixed: fixed,
                                          framework: Array(0..<frameworkCount), clearance: clearance) else {
            throw ModelBuildError("no placement of the glass unit touches the surface")
        }
        return placed
    }

    func name(_ c: ExchangeCandidate, sites: [PerovskiteSurface.Site]) -> String {
        let ligandTags = c.ligands.map { i in glass.ligands[i].kind.rawValue.lowercased() + "\(i + 1)" }
        return [surface.structure.name, glass.structure.name, "k\(c.ligands.count)",
                sites.map(surface.siteName).joined(separator: "-"), ligandTags.joined(separator: "-"),
                spec.orientationTag(c.orientation)]
            .joined(separator: "_")
    }

    func info(_ product: ExchangeProduct, sites: [PerovskiteSurface.Site]) -> [(String, String)] {
        let z = surface.structure.atomicNumbers
        return [
            ("exchange_k", "\(sites.count)"),
            ("sites", sites.map { "\(surface.siteName($0)):\(Element.symbol(z[$0.x]) ?? "X")\($0.x + 1)" }.joined(separator: " ")),
            ("ligands", product.candidate.ligands.map { "\(glass.ligands[$0].kind.rawValue)\($0 + 1)" }.joined(separator: " ")),
            ("orientation", "\(product.candidate.orientation)/\(spec.orientations)"),
            ("framework_atoms", ExchangeProduct.label(product.framework)),
            ("transferred_atoms", ExchangeProduct.label(product.transferred)),
            ("glass_atoms", ExchangeProduct.label(product.glassUnit)),
            ("perovskite", surface.structure.name), ("perovskite_hash", surface.structure.contentHash),
            ("glass", glass.structure.name), ("glass_hash", glass.structure.contentHash),
        ]
    }
}
