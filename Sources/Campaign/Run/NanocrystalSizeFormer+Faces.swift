import Analysis
import Foundation
import Store

/// The check of the glass term: exchanges computed on the faces of the phases' own blocks, beside
/// the cluster exchange energy the term uses (docs/surfaces.md §9).
extension NanocrystalSizeFormer {
    /// Each phase's face exchanges, smallest block first.
    struct FaceSets {
        var active: [VerdictSizeModel.FaceExchange]
        var inactive: [VerdictSizeModel.FaceExchange]

        /// Active then inactive, the order of the phases in the size model.
        var both: [[VerdictSizeModel.FaceExchange]] { [active, inactive] }

        /// The largest block's face exchange of each phase; nil when a phase has none.
        var largest: (active: VerdictSizeModel.FaceExchange, inactive: VerdictSizeModel.FaceExchange)? {
            guard let a = active.last, let i = inactive.last else { return nil }
            return (a, i)
        }
    }

    /// `faces` with each block's formula units from the phase's nanocrystal points, smallest first.
    static func sized(_ faces: [VerdictSizeModel.FaceExchange], _ points: [VerdictSizeModel.Point])
        -> [VerdictSizeModel.FaceExchange] {
        faces.map { face in
            var face = face
            face.formulaUnits = points.first { $0.name == face.block }?.formulaUnits
            return face
        }.sorted { ($0.formulaUnits ?? 0, $0.block) < ($1.formulaUnits ?? 0, $1.block) }
    }

    /// Each block's exchange beside the cluster's, and L* with the largest blocks' values.
    static func faceNotes(_ sets: FaceSets, names: [String],
                          cluster: (active: Double, inactive: Double, sigma: Double?),
                          crossing: (SizePhase, SizePhase)?) -> [String] {
        let clusters = [cluster.active, cluster.inactive]
        var notes = zip(names, zip(sets.both, clusters)).map { name, set -> String in
            let (faces, clusterKJ) = set
            let each = faces.map { face in
                String(format: "%@ %.1f", face.block, face.energyKJ)
                    + (face.formulaUnits.map { String(format: " (%.0f units)", $0) } ?? "")
            }
            return String(format: "%@ face exchange, kJ/mol: %@ (cluster %.1f)", name,
                          each.isEmpty ? "none named or done" : each.joined(separator: ", "), clusterKJ)
        }
        if let (a, i) = crossing {
            notes.append("in the glass with the largest blocks' face exchanges (cube): "
                + outcomeText(SizeCrossing(active: a, inactive: i, shape: .cube)))
        } else {
            notes.append("a phase has no done face exchange: the cluster vs face share is unknown")
        }
        return notes
    }
}
