import Structures

/// A molecular block of whole bulk cells (a stoichiometric nanocrystal) and what its cut did.
public struct Nanocrystal: Sendable, Equatable {
    /// The block: molecular (no lattice), charge 0, named "<cell>-nc-<repeats>".
    public var structure: Structure
    /// Cells along a, b, c.
    public var repeats: SIMD3<Int>
    /// Formula units: the cell's (gcd of its element counts) times the number of cells.
    public var formulaUnits: Int
    /// Area of the parallelepiped spanned by repeats × the cell vectors, Å²: 2(|A×B| + |B×C| + |C×A|).
    public var boxAreaA2: Double
    /// The box's three face families, [2|B×C|, 2|C×A|, 2|A×B|] (A, B, C = repeats × the cell
    /// vectors: the two faces across a, across b, across c), Å²; they sum to `boxAreaA2`.
    public var faceAreasA2: [Double]
    /// Volume of that parallelepiped, Å³.
    public var boxVolumeA3: Double
    /// B atoms with fewer bonded X inside the block than in the bulk.
    public var surfaceBSites: Int
    /// B–X bonds of the bulk (cells × the cell's) that the block does not keep.
    public var brokenBonds: Int
    /// B–X bonds kept inside the block.
    public var keptBonds: Int
    /// The B–X bond cutoff taken from the bulk cell (each B's six nearest X), Å.
    public var bondCutoff: Double
    /// The fractional shift of the cell origin the block was cut with (multiples of 1/8).
    public var origin: SIMD3<Double>
    /// The face a glass unit binds to, when one was chosen ("+c"), and its sites: terminal halides
    /// of that face, 0-based, nearest the face centre first (written as `glass_facing`, 1-based).
    public var glassFace: String? = nil
    public var glassFacing: [Int] = []

    /// "4x4x4".
    public var label: String { NanocrystalRepeats.label(repeats) }

    /// Number of cells in the block.
    public var cells: Int { repeats.x * repeats.y * repeats.z }
}

extension Nanocrystal {
    /// Comment-line keys of the block's extended XYZ: how it was cut and what the cut did.
    public var info: [(String, String)] {
        [("repeats", label), ("formula_units", "\(formulaUnits)"),
         ("origin", "\(origin.x),\(origin.y),\(origin.z)"),
         ("box_area_a2", "\(boxAreaA2)"),
         ("face_areas_a2", faceAreasA2.map { "\($0)" }.joined(separator: ",")), ("box_volume_a3", "\(boxVolumeA3)"),
         ("surface_b_sites", "\(surfaceBSites)"), ("broken_bonds", "\(brokenBonds)"), ("kept_bonds", "\(keptBonds)")]
            + (glassFace.map { [("glass_face", $0), ("glass_facing", glassFacing.map { "\($0 + 1)" }.joined(separator: " "))] } ?? [])
    }

    /// This block with `face` chosen for the glass: its terminal halides become `glassFacing`.
    /// Throws when that face has none (e.g. a face of bare B sites).
    public func facingGlass(on face: NanocrystalGlassFace, cell: Structure) throws -> Nanocrystal {
        guard let lattice = cell.lattice else { throw ModelBuildError("\(cell.name): no cell vectors") }
        let sites = face.sites(in: structure, vectors: lattice.vectors)
        guard !sites.isEmpty else {
            throw ModelBuildError("\(structure.name): face \(face.label) has no terminal halide for a glass unit to bind to; try \(face.opposite.label)")
        }
        var marked = self
        marked.glassFace = face.label
        marked.glassFacing = sites
        return marked
    }

    /// Extended XYZ with `info` and a `source` key.
    public func extendedXYZ(source: String) -> String {
        ExtendedXYZ.render(structure, info: info + [("source", source)])
    }
}
