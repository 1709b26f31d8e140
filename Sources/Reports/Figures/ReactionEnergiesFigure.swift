import Store

/// Per verdict: each configuration's interface reaction energy, active and inactive phase, lowest marked.
enum ReactionEnergiesFigure {
    static func section(_ data: ReportData) -> ReportSection {
        var section = ReportSection(title: "Interface reaction energies per pairing")
        for verdict in data.verdicts {
            let split: VerdictConfigurations
            switch VerdictConfigurations.of(verdict, reactions: data.reactions) {
            case .success(let found): split = found
            case .failure(.rolesUnknown):
                section.notes.append("verdicts row \(verdict.id ?? 0): stored before the phase of each reaction was "
                    + "recorded, and its reaction list does not determine it; no figure (form the verdicts again: "
                    + "interscreen reactions SPEC --db DB)")
                continue
            case .failure(.reactionMissing(let id)):
                section.notes.append("verdicts row \(verdict.id ?? 0): reactions row \(id) is missing; no figure")
                continue
            }
            guard !(split.active.isEmpty && split.inactive.isEmpty) else {
                section.notes.append("verdicts row \(verdict.id ?? 0): no configuration energies yet; no figure")
                continue
            }
            section.figures.append(figure(verdict, split))
        }
        if data.verdicts.isEmpty { section.notes.append("No verdict rows: the spec needs [[verdicts]].") }
        return section
    }

    static func figure(_ v: VerdictRecord, _ split: VerdictConfigurations) -> Figure {
        let names = ShortNames.strip((split.active + split.inactive).map(\.name))
        var bars: [BarChart.Bar] = []
        for (phase, rows, css) in [(v.activePhase, split.active, "active"), (v.inactivePhase, split.inactive, "inactive")] {
            let lowest = rows.compactMap(\.energyKJMol).min()
            for row in rows {
                guard let energy = row.energyKJMol, let id = row.id else { continue }
                bars.append(.init(label: names[row.name] ?? row.name, value: energy,
                                  row: RowIDs.attribute("reactions", [id]),
                                  tooltip: "\(phase): \(row.name) = \(Format.kj(energy)) kJ/mol (reactions row \(id))",
                                  cssClass: css, marker: energy == lowest ? "lowest" : nil))
            }
        }
        let title = "Interface reaction energies, \(v.campaign): \(v.name)"
        let chart = BarChart(title: title, bars: bars, xTitle: "configuration (\(v.activePhase) blue, \(v.inactivePhase) orange)",
                             yTitle: "reaction energy, kJ/mol", frame: PlotFrame(height: 400, bottom: 130))
        let caption = "Reaction energy of each configuration, kJ/mol: \(v.activePhase) (blue) from "
            + "\(RowIDs.text("reactions", split.active.compactMap(\.id))), \(v.inactivePhase) (orange) from "
            + "\(RowIDs.text("reactions", split.inactive.compactMap(\.id))); the lowest of each phase is outlined "
            + "in red. Verdict: verdicts row \(v.id ?? 0)."
        return Figure(id: "reaction-energies-\(v.id ?? 0)", title: title, svg: chart.svg(), caption: caption)
    }
}
