import Foundation
import Structures

/// A 3×3 orthogonal matrix (rows stored) acting on column vectors; det −1 for reflections.
struct RigidRotation: Sendable, Equatable {
    var r0: Vec3
    var r1: Vec3
    var r2: Vec3

    static let identity = RigidRotation(r0: Vec3(1, 0, 0), r1: Vec3(0, 1, 0), r2: Vec3(0, 0, 1))

    /// The matrix whose columns are `c0`, `c1`, `c2` (e.g. an orthonormal frame).
    init(columns c0: Vec3, _ c1: Vec3, _ c2: Vec3) {
        r0 = Vec3(c0.x, c1.x, c2.x)
        r1 = Vec3(c0.y, c1.y, c2.y)
        r2 = Vec3(c0.z, c1.z, c2.z)
    }

    init(r0: Vec3, r1: Vec3, r2: Vec3) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    /// Rotation by `angle` (radians) about the unit vector `axis` (Rodrigues).
    init(axis: Vec3, angle: Double) {
        let (c, s) = (cos(angle), sin(angle))
        let (x, y, z) = (axis.x, axis.y, axis.z)
        let t = 1 - c
        r0 = Vec3(c + x * x * t, x * y * t - z * s, x * z * t + y * s)
        r1 = Vec3(y * x * t + z * s, c + y * y * t, y * z * t - x * s)
        r2 = Vec3(z * x * t - y * s, z * y * t + x * s, c + z * z * t)
    }

    func apply(_ v: Vec3) -> Vec3 { Vec3(Geo3.dot(r0, v), Geo3.dot(r1, v), Geo3.dot(r2, v)) }

    var transposed: RigidRotation { RigidRotation(columns: r0, r1, r2) }

    var determinant: Double { Geo3.dot(r0, Geo3.cross(r1, r2)) }

    static func * (a: RigidRotation, b: RigidRotation) -> RigidRotation {
        let bt = b.transposed
        return RigidRotation(r0: bt.apply(a.r0), r1: bt.apply(a.r1), r2: bt.apply(a.r2))
    }

    /// The proper rotation taking unit vector `a` onto unit vector `b` (π about a perpendicular
    /// axis when they are opposite).
    static func aligning(_ a: Vec3, to b: Vec3) -> RigidRotation {
        let axis = Geo3.cross(a, b)
        let c = Geo3.dot(a, b)
        let s = Geo3.norm(axis)
        if s < 1e-12 {
            return c > 0 ? .identity : RigidRotation(axis: Geo3.anyPerpendicular(to: a), angle: .pi)
        }
        return RigidRotation(axis: axis / s, angle: atan2(s, c))
    }

    /// The orthonormal right-handed frame (columns e1, e2, e1×e2) from a first axis and a
    /// second direction (its part perpendicular to the first; any perpendicular if degenerate).
    static func frame(first: Vec3, second: Vec3) -> RigidRotation {
        let e1 = Geo3.unit(first) ?? Vec3(1, 0, 0)
        let e2 = Geo3.unit(Geo3.perpendicular(second, to: e1)) ?? Geo3.anyPerpendicular(to: e1)
        return RigidRotation(columns: e1, e2, Geo3.cross(e1, e2))
    }
}
