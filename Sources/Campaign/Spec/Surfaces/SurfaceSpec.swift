import Engine
import Structures

/// One `[[surfaces]]` table, validated: the bulk cell, plane and termination, the slab series to
/// compute (layers × in-plane repeats × vacuum), the method, and the optional excess compound.
/// Codable, with the cells inside, so a database alone can form the surface energies again.
public struct SurfaceSpec: Sendable, Codable, Equatable {
    /// Unique name; prefixes the names of its tasks ("<name>/slab-5L-2x2-v20").
    public var name: String
    /// The bulk cell file (absolute path) and the cell read from it.
    public var cellFile: String
    public var cell: Structure
    /// Plane as written ("001", "1,-1,0").
    public var miller: String
    public var termination: String
    public var settings: Settings
    public var engine: EngineChoice
    public var layers: [Int]
    /// In-plane repeats, each [a, b].
    public var inPlane: [[Int]]
    /// Vacuums, Å, ascending.
    public var vacuums: [Double]
    /// Consecutive γ within this (J/m²) count as converged (thickness, in plane, vacuum).
    public var threshold: Double
    /// No slab with more atoms is computed.
    public var maxAtoms: Int
    /// Bulk cell of the excess compound (`surface --excess-cell`): μ_excess, the excess-rich limit.
    public var excessFile: String?
    public var excessCell: Structure?
    /// Phase label stored with the rows ("alpha").
    public var phase: String
    /// 1-based line of the table in the spec.
    public var line: Int

    /// The in-plane repeats as tuples.
    public var inPlaneSeries: [(Int, Int)] { inPlane.map { ($0[0], $0[1]) } }
}
