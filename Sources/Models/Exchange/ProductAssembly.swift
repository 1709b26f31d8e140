import Foundation
import Structures

/// Builds one product of a surface and a glass fragment from a candidate, and names it; what
/// `ExchangeBuilder.enumerate` runs over its candidates (the exchange or plain adsorption).
protocol ProductAssembly {
    func build(_ candidate: ExchangeCandidate) throws -> ExchangeProduct
    func name(_ candidate: ExchangeCandidate, sites: [PerovskiteSurface.Site]) -> String
}

extension PerovskiteSurface {
    /// The frame a product is built in: first axis the mean outward M→X direction of `sites`,
    /// second the side the glass unit sits on (azimuth 360°·o/m from "towards the fragment's
    /// centre").
    func placementFrame(_ sites: [Site], orientation: Int, of orientations: Int) -> (axes: RigidRotation, side: Vec3) {
        let p = structure.positions
        let out = sites.map { Geo3.unit(p[$0.x] - p[$0.b])! }.reduce(Vec3.zero, +)
        let u = Geo3.unit(out) ?? Vec3(0, 0, 1)
        let x = Geo3.centroid(sites.map { p[$0.x] })
        let r = Geo3.unit(Geo3.perpendicular(Geo3.centroid(p) - x, to: u)) ?? Geo3.anyPerpendicular(to: u)
        let phi = 2 * Double.pi * Double(orientation) / Double(max(orientations, 1))
        let side = cos(phi) * r + sin(phi) * Geo3.cross(u, r)
        return (RigidRotation.frame(first: u, second: side), side)
    }

    /// "pb3" (the B atom, 1-based), with "x28" when that B carries more than one site.
    func siteName(_ site: Site) -> String {
        let z = structure.atomicNumbers
        let base = "\((Element.symbol(z[site.b]) ?? "m").lowercased())\(site.b + 1)"
        let shared = sites.filter { $0.b == site.b }.count > 1
        return shared ? "\(base)x\(site.x + 1)" : base
    }
}
