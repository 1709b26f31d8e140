import Foundation
import Structures

/// The three H of a methyl group: C–H 1.09 Å, tetrahedral about the bond axis, one H in the
/// plane of the axis and the ring normal (staggered against the ring).
enum Methyl {
    static let carbonHydrogen = 1.09

    /// H positions of the methyl carbon `carbon` bonded along `axis` (unit, pointing away from
    /// the ring) with `normal` (unit, ⊥ axis: callers make it so) the ring normal.
    static func hydrogens(carbon c: Vec3, axis out: Vec3, normal: Vec3) -> [Vec3] {
        let side = Geo3.unit(Geo3.cross(out, normal))!
        let tilt = (180 - 109.47) * Double.pi / 180
        return (0..<3).map { k -> Vec3 in
            let phi = Double(k) * 2 * Double.pi / 3
            let radial = normal * cos(phi) + side * sin(phi)
            return c + carbonHydrogen * (out * cos(tilt) + radial * sin(tilt))
        }
    }
}
