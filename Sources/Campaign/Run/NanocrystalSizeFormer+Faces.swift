import Analysis
import Foundation
import Store

/// The check of the glass term: exchanges computed on the faces of the phases' own blocks, beside
/// the cluster exchange energy the term uses (docs/surfaces.md §9).
extension NanocrystalSizeFormer {
    /// The glass term with the largest blocks' own face exchanges instead of the clusters': not
    /// asked for (the spec names none), unknown (a phase has none done), or formed.
    enum FaceCheck {
        case notAsked
        case unknown
        case formed(PhasePair<SizePhase>)

        /// What `SizeEstimate` takes: nil when not asked, `.some(nil)` when unknown.
        func crossing(_ shape: ParticleShape) -> SizeCrossing?? {
            switch self {
            case .notAsked: return .none
            case .unknown: return .some(nil)
            case .formed(let pair): return .some(pair.crossing(shape))
            }
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
    static func faceNotes(_ sets: PhasePair<[VerdictSizeModel.FaceExchange]>, names: PhasePair<String>,
                          clusterKJ: PhasePair<Double>, check: FaceCheck) -> [String] {
        var notes = zip(names.both, zip(sets.both, clusterKJ.both)).map { name, set -> String in
            let (faces, clusterKJ) = set
            let each = faces.map { face in
                String(format: "%@ %.1f", face.block, face.energyKJ)
                    + (face.formulaUnits.map { String(format: " (%.0f units)", $0) } ?? "")
            }
            return String(format: "%@ face exchange, kJ/mol: %@ (cluster %.1f)", name,
                          each.isEmpty ? "none named or done" : each.joined(separator: ", "), clusterKJ)
        }
        if case .formed(let pair) = check {
            notes.append("in the glass with the largest blocks' face exchanges (cube): " + outcomeText(pair.crossing(.cube)))
        } else {
            notes.append("a phase has no done face exchange: the cluster vs face share is unknown")
        }
        return notes
    }
}

extension PhasePair where Value == [VerdictSizeModel.FaceExchange] {
    /// The largest block's face exchange of each phase (the sets are sorted smallest first); nil
    /// when a phase has none.
    var largest: PhasePair<VerdictSizeModel.FaceExchange>? { PhasePair<VerdictSizeModel.FaceExchange>(active.last, inactive.last) }
}
