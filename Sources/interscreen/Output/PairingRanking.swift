import Analysis
import Campaign
import Foundation
import Reports
import Store

/// The pairings of a campaign ranked by stabilisation margin per formula unit, best first. A
/// pairing screened at several fragment sizes ("CsPbI3/ZIF-62 8fu", "… 12fu") is one row: the
/// mean margin per unit over its sizes, the spread over sites and over sizes, and every verdict row.
struct PairingRanking {
    let verdicts: [VerdictRecord]

    /// One pairing of one campaign, over all its fragment sizes.
    struct Row {
        var campaign: String
        var pairing: String
        /// The verdict rows, smallest fragment first.
        var sizes: [VerdictRecord]

        /// Per-unit margins of the sizes that have one.
        var margins: [Double] { sizes.compactMap { PairingRanking.perUnit($0.marginKJ, $0) } }
        /// Mean margin per formula unit over the sizes.
        var margin: Double? { margins.isEmpty ? nil : margins.reduce(0, +) / Double(margins.count) }
        /// The largest per-unit spread over sites and orientations among the sizes.
        var siteSpread: Double? { sizes.compactMap { PairingRanking.perUnit($0.uncertaintyKJ, $0) }.max() }
        /// Half the range of the per-unit margins over the sizes (nil with one size).
        var sizeSpread: Double? { margins.count > 1 ? (margins.max()! - margins.min()!) / 2 : nil }
        /// The verdict (with one size its whole sentence; with several, the conclusion they share
        /// without the per-size numbers), or "depends on fragment size" when they disagree.
        var verdict: String {
            guard sizes.count > 1 else { return sizes[0].verdict }
            let conclusions = Set(sizes.map { v in
                v.marginKJ.map { PhaseVerdict.conclusion(margin: $0, uncertainty: v.uncertaintyKJ ?? 0,
                                                         activePhase: v.activePhase) } ?? v.verdict
            })
            return conclusions.count == 1 ? conclusions.first! : "depends on fragment size"
        }
        /// L* in the glass from the sizes' nanocrystal size models, each distinct text once ("–" without one).
        var criticalSize: String {
            let texts = sizes.compactMap { $0.sizeModel?.glass }.map { stored -> String in
                let band = VerdictCriticalSizes.band(stored)
                guard let low = band.lowNm, let high = band.highNm else { return stored.outcome }
                return String(format: "%.1f–%.1f (%@)", low, high, stored.outcome)
            }
            let distinct = texts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return distinct.isEmpty ? "–" : distinct.joined(separator: "; ")
        }
    }

    /// Pairings with a margin first (largest mean margin per unit first), then the rest.
    var ranked: [Row] {
        let groups = Dictionary(grouping: verdicts) { v in
            "\(v.campaign)\u{0}\(ScreenNames.pairingAndSize(ofVerdict: v.name).pairing)"
        }
        let rows = groups.values.map { group in
            Row(campaign: group[0].campaign, pairing: ScreenNames.pairingAndSize(ofVerdict: group[0].name).pairing,
                sizes: group.sorted { $0.formulaUnits < $1.formulaUnits })
        }
        return rows.sorted { a, b in
            switch (a.margin, b.margin) {
            case let (x?, y?): return x != y ? x > y : (a.campaign, a.pairing) < (b.campaign, b.pairing)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (a.campaign, a.pairing) < (b.campaign, b.pairing)
            }
        }
    }

    func print() {
        printFlushed("\nPairings ranked by stabilisation margin (kJ/mol per formula unit; > 0: the interface keeps the active phase)")
        printFlushed("| rank | pairing | margin / unit | ± sites / unit | ± sizes / unit | fragment sizes (fu) | verdict | L* in the glass, nm (nanocrystals) | verdict rows |")
        printFlushed("|---|---|---|---|---|---|---|---|---|")
        for (k, row) in ranked.enumerated() {
            let sizes = row.sizes.map { String(format: "%g", $0.formulaUnits) }.joined(separator: ", ")
            let ids = row.sizes.map { String($0.id ?? 0) }.joined(separator: ", ")
            printFlushed("| \(k + 1) | \(row.campaign) \(row.pairing) | \(Self.kj(row.margin)) | \(Self.kj(row.siteSpread)) "
                         + "| \(Self.kj(row.sizeSpread)) | \(sizes) | \(row.verdict) | \(row.criticalSize) | \(ids) |")
        }
    }

    static func perUnit(_ value: Double?, _ v: VerdictRecord) -> Double? {
        guard let value, v.formulaUnits > 0 else { return nil }
        return value / v.formulaUnits
    }

    static func kj(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
}
