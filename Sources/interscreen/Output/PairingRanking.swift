import Foundation
import Store

/// The pairings of a campaign ranked by stabilisation margin per formula unit, best first, with
/// the verdict and its spread over configurations; each line names its verdict row.
struct PairingRanking {
    let verdicts: [VerdictRecord]

    /// Ranked rows: verdicts with a margin first (largest margin per unit first), then the rest.
    var ranked: [VerdictRecord] {
        verdicts.sorted { a, b in
            switch (Self.perUnit(a.marginKJ, a), Self.perUnit(b.marginKJ, b)) {
            case let (x?, y?): return x != y ? x > y : a.name < b.name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.name < b.name
            }
        }
    }

    func print() {
        printFlushed("\nPairings ranked by stabilisation margin (kJ/mol per formula unit; > 0: the interface keeps the active phase)")
        printFlushed("| rank | pairing | margin / unit | ± spread / unit | margin (fragment) | verdict | verdict row |")
        printFlushed("|---|---|---|---|---|---|---|")
        for (k, v) in ranked.enumerated() {
            let margin = Self.perUnit(v.marginKJ, v).map(Self.kj) ?? "–"
            let spread = Self.perUnit(v.uncertaintyKJ, v).map(Self.kj) ?? "–"
            let whole = v.marginKJ.map(Self.kj) ?? "–"
            printFlushed("| \(k + 1) | \(v.campaign) \(v.name) | \(margin) | \(spread) | \(whole) | \(v.verdict) | \(v.id ?? 0) |")
        }
    }

    static func perUnit(_ value: Double?, _ v: VerdictRecord) -> Double? {
        guard let value, v.formulaUnits > 0 else { return nil }
        return value / v.formulaUnits
    }

    static func kj(_ value: Double) -> String { String(format: "%.1f", value) }
}
