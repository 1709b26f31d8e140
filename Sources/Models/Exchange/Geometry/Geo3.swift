import Foundation
import Structures

/// Small vector helpers for the model builders (dot, cross, norm, unit vectors).
enum Geo3 {
    static func dot(_ u: Vec3, _ v: Vec3) -> Double { (u * v).sum() }

    static func cross(_ u: Vec3, _ v: Vec3) -> Vec3 {
        Vec3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
    }

    static func norm(_ v: Vec3) -> Double { dot(v, v).squareRoot() }

    static func distance(_ u: Vec3, _ v: Vec3) -> Double { norm(u - v) }

    /// `v` scaled to length 1 (nil for a vector shorter than 1e-9).
    static func unit(_ v: Vec3) -> Vec3? {
        let n = norm(v)
        return n > 1e-9 ? v / n : nil
    }

    /// The component of `v` perpendicular to the unit vector `axis`.
    static func perpendicular(_ v: Vec3, to axis: Vec3) -> Vec3 { v - dot(v, axis) * axis }

    /// Mean of the points (zero for none).
    static func centroid(_ points: [Vec3]) -> Vec3 {
        points.isEmpty ? .zero : points.reduce(Vec3.zero, +) / Double(points.count)
    }

    /// A unit vector perpendicular to the unit vector `axis` (deterministic choice).
    static func anyPerpendicular(to axis: Vec3) -> Vec3 {
        let trial = abs(axis.x) < 0.9 ? Vec3(1, 0, 0) : Vec3(0, 1, 0)
        return unit(cross(axis, trial))!
    }

    /// `n` unit vectors spread evenly over the sphere (Fibonacci lattice), deterministic.
    static func fibonacciSphere(_ n: Int) -> [Vec3] {
        let golden = Double.pi * (3 - 5.0.squareRoot())
        return (0..<n).map { k in
            let y = 1 - 2 * (Double(k) + 0.5) / Double(n)
            let r = (1 - y * y).squareRoot()
            let phi = golden * Double(k)
            return Vec3(r * cos(phi), y, r * sin(phi))
        }
    }
}
