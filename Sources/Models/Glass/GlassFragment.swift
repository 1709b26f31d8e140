import Structures

/// A neutral Zn–imidazolate cluster (atoms: Zn first, then bridging, anionic terminal and
/// capped ligands) with its ligand table.
public struct GlassFragment: Sendable {
    public var structure: Structure
    public var ligands: [GlassLigand]

    public init(structure: Structure, ligands: [GlassLigand]) {
        self.structure = structure
        self.ligands = ligands
    }

    /// "Im:2-9 Im:10-17 HIm:18-26 …" (1-based atom ranges, µ- for bridges).
    public var ligandSummary: String {
        ligands.map { l in
            let prefix = l.isBridging ? "µ-" : ""
            return "\(prefix)\(l.kind.rawValue):\(l.atoms.min()! + 1)-\(l.atoms.max()! + 1)"
        }.joined(separator: " ")
    }

    /// Extended XYZ with the zinc count, the ligand table and `source`.
    public func extendedXYZ(source: String) -> String {
        let zincs = structure.atomicNumbers.filter { $0 == 30 }.count
        return ExtendedXYZ.render(structure, info: [("zinc", "\(zincs)"), ("ligands", ligandSummary), ("source", source)])
    }
}
