import Foundation
import GRDB

/// How a stored molecular nanocrystal was cut from its bulk cell (row of `nanocrystals`, keyed by
/// the block's structure row).
public struct NanocrystalRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "nanocrystals"

    /// Content hash of the block's structure row (primary key).
    public var structureHash: String
    /// The bulk cell file the block was cut from.
    public var sourceFile: String
    /// Cells along a, b, c: "4x4x4".
    public var repeats: String
    public var formulaUnits: Int
    /// Area and volume of the parallelepiped of repeats × the cell vectors, Å² and Å³.
    public var boxAreaA2: Double
    /// The box's face families [2|B×C|, 2|C×A|, 2|A×B|] (across a, b, c), Å², summing to
    /// `boxAreaA2`; stored as JSON text.
    public var faceAreasA2: [Double]
    public var boxVolumeA3: Double
    /// B atoms with fewer bonded X in the block than in the bulk.
    public var surfaceBSites: Int
    /// Bulk B–X bonds the block does not keep.
    public var brokenBonds: Int
    /// The fractional origin shift of the cut, JSON text "[x,y,z]".
    public var origin: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case repeats, origin
        case structureHash = "structure_hash"
        case sourceFile = "source_file"
        case formulaUnits = "formula_units"
        case boxAreaA2 = "box_area_a2"
        case faceAreasA2 = "face_areas"
        case boxVolumeA3 = "box_volume_a3"
        case surfaceBSites = "surface_b_sites"
        case brokenBonds = "broken_bonds"
        case createdAt = "created_at"
    }

    /// The row; `origin` as fractional coordinates (stored as "[x,y,z]"), the date as it reads back.
    public init(structureHash: String, sourceFile: String, repeats: String, formulaUnits: Int, boxAreaA2: Double,
                faceAreasA2: [Double], boxVolumeA3: Double, surfaceBSites: Int, brokenBonds: Int, origin: SIMD3<Double>,
                createdAt: Date = Date()) {
        self.structureHash = structureHash
        self.sourceFile = sourceFile
        self.repeats = repeats
        self.formulaUnits = formulaUnits
        self.boxAreaA2 = boxAreaA2
        self.faceAreasA2 = faceAreasA2
        self.boxVolumeA3 = boxVolumeA3
        self.surfaceBSites = surfaceBSites
        self.brokenBonds = brokenBonds
        self.origin = "[\(origin.x),\(origin.y),\(origin.z)]"
        self.createdAt = DatabaseTimestamp.stored(createdAt)
    }

    /// The origin as fractional coordinates; nil when the stored text is not three numbers.
    public var originVector: SIMD3<Double>? {
        guard let values = try? JSONDecoder().decode([Double].self, from: Data(origin.utf8)), values.count == 3 else {
            return nil
        }
        return SIMD3(values[0], values[1], values[2])
    }
}
