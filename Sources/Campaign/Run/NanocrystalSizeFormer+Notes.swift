import Analysis
import Foundation
import Store

/// The words a size model carries beside its numbers: what it assumes, the sizes the blocks span,
/// and the other method's own outcome.
extension NanocrystalSizeFormer {
    /// "L* = 1.60 nm (active below L*)" or the outcome without a crossing.
    static func outcomeText(_ crossing: SizeCrossing) -> String {
        let outcome = crossing.outcome()
        return outcome.sizeNm.map { String(format: "L* = %.2f nm (%@)", $0, outcome.label) } ?? outcome.label
    }

    static func standingNotes(coverage: Double, other: String?) -> [String] {
        ["molecular nanocrystals (no periodic images): blocks of whole bulk cells (whole ribbons for chain "
            + "compounds), unrelaxed; fit E = Nμ + Σ A_f·γ_f + βN·ln L per phase (docs/surfaces.md §8)",
         "glass: \(coverage) exchange(s) per surface B site, each with the cluster reaction energy (Boltzmann average)",
         other == nil ? "no second method's series: the GFN2 vs GFN1 share is unknown" : "second method: \(other!)"]
    }

    /// The sizes the blocks span, and any later sign change (an artefact of extrapolating the log term).
    static func rangeNotes(_ fits: [NanocrystalFit], names: [String], bands: [VerdictSizeModel.Band]) -> [String] {
        let spans = zip(names, fits).map { name, fit in
            String(format: "%@ %.1f–%.1f nm", name, (fit.points.map(\.lengthA).min() ?? 0) / 10, fit.largestSizeNm)
        }
        var notes = ["blocks span " + spans.joined(separator: ", ") + " (L = V^(1/3)); an L* or 'every size' beyond "
            + "them is the fit's extrapolation"]
        for later in Set(bands.flatMap(\.laterCrossingsNm)).sorted() {
            notes.append(String(format: "the difference changes sign again at %.0f nm: the log term extrapolated, "
                + "not a second transition", later))
        }
        return notes
    }
}
