import Store

/// Per verdict: each configuration's interface reaction energy, active and inactive phase, lowest
/// marked, under short distinct labels; the full names in a table; a picture of each geometry.
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
            let rows = split.active.map { ($0, verdict.activePhase) } + split.inactive.map { ($0, verdict.inactivePhase) }
            let labels = ConfigurationLabels.make(rows.map { ($0.0.name, $0.1) })
            section.figures.append(figure(verdict, split, labels: labels))
            section.tables.append(table(verdict, rows, labels: labels))
            if let pictures = StructureFigure.figure(verdict, rows.map { (row: $0.0, phase: $0.1) }, labels: labels,
                                                     geometries: data.geometries) {
                section.figures.append(pictures)
            }
        }
        if data.verdicts.isEmpty { section.notes.append("No verdict rows: the spec needs [[verdicts]].") }
        return section
    }

    static func figure(_ v: VerdictRecord, _ split: VerdictConfigurations, labels: [String: String]) -> Figure {
        var bars: [BarChart.Bar] = []
        for (phase, rows, css) in [(v.activePhase, split.active, "active"), (v.inactivePhase, split.inactive, "inactive")] {
            let lowest = rows.compactMap(\.energyKJMol).min()
            for row in rows {
                guard let energy = row.energyKJMol, let id = row.id else { continue }
                bars.append(.init(label: labels[row.name] ?? row.name, value: energy,
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
            + "\(RowIDs.text("reactions", split.inactive.compactMap(\.id))), as the verdict row stores them; the lowest "
            + "of each phase is outlined in red. Labels: see the table of configurations. Verdict: verdicts row \(v.id ?? 0)."
        return Figure(id: "reaction-energies-\(v.id ?? 0)", title: title, svg: chart.svg(), caption: caption)
    }

    /// Short label → full reaction name, phase, energy and row.
    static func table(_ v: VerdictRecord, _ rows: [(ReactionRecord, String)], labels: [String: String]) -> ReportTable {
        ReportTable(title: "Configurations of \(v.campaign): \(v.name)",
                    header: ["label", "phase", "reaction energy, kJ/mol", "reaction", "row"],
                    rows: rows.map { row, phase in
                        [labels[row.name] ?? row.name, phase, Format.kj(row.energyKJMol), row.name,
                         "reactions row \(row.id ?? 0)"]
                    },
                    caption: "The labels of the bars and pictures, with each configuration's full reaction name.")
    }
}
