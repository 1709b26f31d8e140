import Analysis
import Foundation
import Models
import Reports
import Store

/// The study's table per protocol: bulk preference, interface reaction energies, ΔΔE, verdict,
/// beside the published values when the spec gives them, and the reaction rows behind them.
struct VerdictTable {
    let store: ResultsStore
    let campaign: String?

    func print() throws {
        let surfaces = try store.surfaceEnergies()
        for v in try store.verdicts(campaign: campaign) {
            let ref = v.reference.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let paper = { (key: String) in (ref?[key] as? Double).map { Self.kj($0) } ?? "" }
            let (a, i) = (v.activePhase, v.inactivePhase)
            printFlushed("\n\(v.campaign) — protocol: \(v.name) (n = \(Self.number(v.formulaUnits)), T = \(Self.number(v.temperature)) K; "
                         + "active phase \(a), inactive \(i))")
            printFlushed("| quantity | value | paper |")
            printFlushed("|---|---|---|")
            printFlushed("| bulk E(\(i)) − E(\(a)), kJ/mol per formula unit | \(v.bulkKJPerUnit.map(Self.kj) ?? "–") | \(paper("bulkPerUnit")) |")
            printFlushed("| bulk supercells | \(v.bulkConvergenceText) | |")
            printFlushed("| interface reaction energy, \(a) (lowest / Boltzmann) | \(Self.pair(v.activeLowestKJ, v.activeBoltzmannKJ)) | \(paper("active")) |")
            printFlushed("| interface reaction energy, \(i) (lowest / Boltzmann) | \(Self.pair(v.inactiveLowestKJ, v.inactiveBoltzmannKJ)) | \(paper("inactive")) |")
            let dde = "\(v.ddEBoltzmannKJ.map(Self.kj) ?? "–") vs \(v.bulkPreferenceKJ.map(Self.kj) ?? "–")"
            let paperDDE = { () -> String in
                guard let pa = ref?["active"] as? Double, let pi = ref?["inactive"] as? Double,
                      let pb = ref?["bulkPerUnit"] as? Double else { return "" }
                return "\(Self.kj(pi - pa)) vs \(Self.kj(-pb * v.formulaUnits))"
            }()
            printFlushed("| ΔΔE interface (\(i) − \(a)) vs n × bulk preference | \(dde) | \(paperDDE) |")
            printFlushed("| margin ± configuration spread, kJ/mol | \(Self.margin(v)) | |")
            printFlushed("| verdict | \(v.verdict) | |")
            let sizes = VerdictCriticalSizes(verdict: v, surfaces: surfaces, slabThreshold: SurfaceStudy.defaultThreshold)
            printFlushed("| critical size in the glass (\(a) vs \(i)) | \(sizes.band("interface").text) | |")
            printFlushed("| critical size bare | \(sizes.band("surface").text) | |")
            for row in SizeModelRows.rows(v) { printFlushed("| \(row[0]) | \(row[1]) | |") }
            printFlushed("reaction rows: \(v.reactionIDs.map(String.init).joined(separator: ", ")) (verdict row \(v.id ?? 0))")
            for line in v.excluded { printFlushed("  left out: \(line)") }
        }
    }

    static func kj(_ value: Double) -> String { String(format: "%.1f", value) }
    /// "−221.0 ± 42.3", or "−221.0, spread unknown (one configuration per phase)".
    static func margin(_ v: VerdictRecord) -> String {
        let m = v.marginKJ.map(kj) ?? "–"
        return v.uncertaintyKJ.map { "\(m) ± \(kj($0))" } ?? "\(m), spread unknown (a phase has one configuration)"
    }
    static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : "\(value)" }
    static func pair(_ a: Double?, _ b: Double?) -> String { "\(a.map(kj) ?? "–") / \(b.map(kj) ?? "–")" }
}
