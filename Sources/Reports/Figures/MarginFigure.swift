import Store

/// ΔΔE interface against n × bulk preference, one point per verdict, with y = x.
enum MarginFigure {
    static func section(_ data: ReportData) -> ReportSection {
        var section = ReportSection(title: "Margin versus bulk preference")
        let usable = data.verdicts.filter { $0.bulkPreferenceKJ != nil && $0.ddEBoltzmannKJ != nil && $0.id != nil }
        guard !usable.isEmpty else {
            section.notes.append("No verdict row has both a bulk preference and an interface ΔΔE yet; no figure.")
            return section
        }
        let names = pointNames(usable)
        let points = usable.map { v in
            ScatterPlot.Point(x: v.bulkPreferenceKJ!, y: v.ddEBoltzmannKJ!, label: names[v.id!] ?? "verdict \(v.id!)",
                              row: RowIDs.attribute("verdicts", [v.id!]),
                              tooltip: "verdicts row \(v.id!): margin \(Format.kj(v.marginKJ)) kJ/mol")
        }
        let title = "Interface ΔΔE versus n × bulk preference"
        let plot = ScatterPlot(title: title, points: points, xTitle: "n × bulk preference for the inactive phase, kJ/mol",
                               yTitle: "ΔΔE interface (inactive − active), kJ/mol", diagonal: true)
        let caption = "One point per verdict (\(RowIDs.text("verdicts", usable.compactMap(\.id))), columns "
            + "bulk_preference_kj and dde_boltzmann_kj). Above the dashed y = x line the interface wins: the margin "
            + "ΔΔE − n × bulk preference is positive. Points: "
            + usable.map { "\(names[$0.id!] ?? "") = verdicts row \($0.id!) (\($0.campaign): \($0.name))" }
                .joined(separator: "; ") + "."
        section.figures.append(Figure(id: "margin-vs-bulk", title: title, svg: plot.svg(), caption: caption))
        return section
    }

    /// Each point's pairing name ("CsPbBr3/ZIF-4"; a hand-written verdict: its campaign and protocol),
    /// with the campaign added where two verdicts would share a name.
    static func pointNames(_ verdicts: [VerdictRecord]) -> [Int64: String] {
        let plain = verdicts.map { v -> String in
            v.name.contains("/") ? v.name : "\(v.campaign): \(v.name)"
        }
        var out: [Int64: String] = [:]
        for (v, name) in zip(verdicts, plain) {
            let shared = plain.filter { $0 == name }.count > 1
            out[v.id!] = shared ? "\(name) (\(v.campaign))" : name
        }
        return out
    }
}
