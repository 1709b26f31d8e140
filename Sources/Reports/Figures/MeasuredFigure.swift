import Analysis

/// Predicted margin against a measured number, one figure per quantity and conditions, plus the
/// sign-agreement and rank tables; left out entirely without a measured file.
enum MeasuredFigure {
    /// A scatter needs at least two pairings to show anything.
    static let minimumPoints = 2

    static func section(_ data: ReportData) -> ReportSection? {
        guard let comparison = data.comparison, let file = data.measuredFile else { return nil }
        var section = ReportSection(title: "Predicted versus measured")
        section.tables = [ComparisonTables.signs(comparison, file: file), ComparisonTables.ranks(comparison)]
        if !comparison.sizeAgreements.isEmpty { section.tables.insert(ComparisonTables.sizes(comparison, file: file), at: 1) }
        for (i, group) in comparison.rankComparisons.enumerated() where group.points.count >= minimumPoints {
            section.figures.append(figure(group, index: i + 1))
        }
        if section.figures.isEmpty {
            section.notes.append("No measured quantity of \(file) has numbers for \(minimumPoints) or more verdicts "
                                 + "under the same conditions: no figure (one point shows no relation).")
        }
        if !comparison.unmatched.isEmpty {
            section.notes.append("Unmatched rows of \(file): " + comparison.unmatched.map(\.location).joined(separator: ", "))
        }
        return section
    }

    static func figure(_ r: RankComparison, index: Int) -> Figure {
        let points = r.points.map { p in
            ScatterPlot.Point(x: p.predicted, y: p.measured, label: p.prediction.pairing,
                              row: "verdicts:\(p.prediction.verdictID) measured:\(p.observation.location)",
                              tooltip: "verdicts row \(p.prediction.verdictID) × \(p.observation.location)")
        }
        let title = "Predicted margin versus \(r.group.quantity)"
        let plot = ScatterPlot(title: title, points: points, xTitle: "predicted margin, kJ/mol per formula unit",
                               yTitle: "\(r.group.quantity), \(r.group.unit)")
        let sources = r.points.map {
            "\($0.prediction.pairing): verdicts row \($0.prediction.verdictID) (\($0.prediction.campaign): \($0.prediction.name)) "
                + "with \($0.observation.location)"
        }
        let caption = "\(r.group.description): \(r.conclusion). Points: \(sources.joined(separator: "; "))."
        return Figure(id: "predicted-vs-measured-\(index)", title: title, svg: plot.svg(), caption: caption)
    }
}
