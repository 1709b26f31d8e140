import Foundation
import Structures

/// A cut perovskite fragment A_N B_N X_3N (atoms ordered B, X, A — a molecular A whole, its
/// atoms together; B centroid at the origin) with the X atoms that face the glass.
public struct PerovskiteFragment: Sendable {
    public var structure: Structure
    public var roles: PerovskiteRoles
    public var units: Int
    public var surface: MillerIndex
    /// Unit normal of the glass-facing surface (Cartesian).
    public var normal: Vec3
    /// 0-based indices of the terminal X atoms facing the glass, outermost first.
    public var facing: [Int]

    /// The comment-line keys written with the structure (`glass_facing` 1-based).
    public var info: [(String, String)] {
        let n = [normal.x, normal.y, normal.z].map { String(format: "%.6f", $0) }.joined(separator: " ")
        return [
            ("units", "\(units)"), ("surface", "(\(surface.description))"), ("surface_normal", n),
            ("roles", "A=\(roles.symbols.a) B=\(roles.symbols.b) X=\(roles.symbols.x)"),
            ("glass_facing", facing.map { "\($0 + 1)" }.joined(separator: " ")),
        ]
    }

    /// Extended XYZ with `info` and a `source` key.
    public func extendedXYZ(source: String) -> String {
        ExtendedXYZ.render(structure, info: info + [("source", source)])
    }
}
