/// The report's sections in order, built from the data once and rendered as HTML and Markdown.
public struct ReportContent: Sendable {
    public var title: String
    public var sections: [ReportSection]

    public init(_ data: ReportData) {
        title = "interscreen report — \(data.campaign ?? "all campaigns")"
        var sections = [SummaryTable.section(data), VerdictTables.section(data), ReactionEnergiesFigure.section(data),
                        MarginFigure.section(data)]
        if let measured = MeasuredFigure.section(data) {
            sections.append(measured)
        } else {
            sections[0].notes.append("No measured file given (--measured): the predicted-versus-measured part is left out.")
        }
        sections += [ConvergenceFigure.section(data), ThroughputFigure.section(data)]
        if let surfaces = SurfaceEnergyTables.section(data) { sections.append(surfaces) }
        self.sections = sections
    }

    /// Every figure, in order.
    public var figures: [Figure] { sections.flatMap(\.figures) }
}
