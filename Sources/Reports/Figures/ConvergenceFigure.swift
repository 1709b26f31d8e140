import Store

/// The convergence audit: optimisations converged, SCC iterations, optimisation cycles, failures by class.
enum ConvergenceFigure {
    static func section(_ data: ReportData) -> ReportSection {
        var section = ReportSection(title: "Convergence audit")
        let parts: [(Figure?, String)] = [
            (optimisations(data.optimizations), "No optimisation rows: no converged-fraction or cycles figure."),
            (sccIterations(data.calculations), "No calculation row reports SCC iterations: no histogram."),
            (cycles(data.optimizations), ""),
            (failures(data.failures), "No failure rows: nothing failed."),
        ]
        for (figure, note) in parts {
            if let figure { section.figures.append(figure) } else if !note.isEmpty { section.notes.append(note) }
        }
        if !data.calculations.isEmpty { section.notes.insert(sccSummary(data.calculations), at: 0) }
        return section
    }

    /// "SCC converged in 8 of 9 calculation rows; not converged: calculations row 4."
    static func sccSummary(_ rows: [CalculationRecord]) -> String {
        let not = rows.filter { !$0.sccConverged }.compactMap(\.id)
        return "SCC converged in \(rows.count - not.count) of \(rows.count) calculation rows"
            + (not.isEmpty ? "." : "; not converged: \(RowIDs.text("calculations", not)).")
    }

    static func optimisations(_ rows: [OptimizationRecord]) -> Figure? {
        guard !rows.isEmpty else { return nil }
        let done = rows.filter(\.converged).compactMap(\.id), not = rows.filter { !$0.converged }.compactMap(\.id)
        let bars = [BarChart.Bar(label: "converged", value: Double(done.count), row: RowIDs.attribute("optimizations", done),
                                 tooltip: RowIDs.text("optimizations", done)),
                    BarChart.Bar(label: "not converged", value: Double(not.count), row: RowIDs.attribute("optimizations", not),
                                 tooltip: RowIDs.text("optimizations", not), cssClass: "bad")]
        let fraction = Double(done.count) / Double(rows.count)
        let chart = BarChart(title: "Optimisations converged", bars: bars, xTitle: "", yTitle: "optimisations")
        return Figure(id: "optimisations-converged", title: "Optimisations converged", svg: chart.svg(),
                      caption: "\(done.count) of \(rows.count) optimisations converged (\(Format.percent(fraction))): "
                          + "converged \(RowIDs.text("optimizations", done)); "
                          + "not converged \(RowIDs.text("optimizations", not)).")
    }

    static func sccIterations(_ rows: [CalculationRecord]) -> Figure? {
        let values = rows.compactMap { r in r.sccIterations.flatMap { n in r.id.map { (n, $0) } } }
        guard !values.isEmpty else { return nil }
        let unconverged = rows.filter { !$0.sccConverged }.compactMap(\.id)
        let bars = Histogram(values).bars(table: "calculations", noun: "calculations")
        let chart = BarChart(title: "SCC iterations per calculation", bars: bars, xTitle: "SCC iterations",
                             yTitle: "calculations")
        return Figure(id: "scc-iterations", title: "SCC iterations per calculation", svg: chart.svg(),
                      caption: "SCC iterations of \(values.count) calculations "
                          + "(\(RowIDs.text("calculations", values.map(\.1)))); "
                          + "SCC not converged: \(unconverged.isEmpty ? "none" : RowIDs.text("calculations", unconverged)).")
    }

    static func cycles(_ rows: [OptimizationRecord]) -> Figure? {
        let values = rows.compactMap { r in r.id.map { (r.cycles, $0) } }
        guard !values.isEmpty else { return nil }
        let bars = Histogram(values).bars(table: "optimizations", noun: "optimisations")
        let chart = BarChart(title: "Optimisation cycles", bars: bars, xTitle: "cycles", yTitle: "optimisations")
        return Figure(id: "optimisation-cycles", title: "Optimisation cycles", svg: chart.svg(),
                      caption: "Cycles of \(values.count) optimisations (\(RowIDs.text("optimizations", values.map(\.1)))).")
    }

    static func failures(_ rows: [FailureRecord]) -> Figure? {
        guard !rows.isEmpty else { return nil }
        let classes = Array(Set(rows.map(\.failureClass))).sorted()
        let bars = classes.map { name in
            let ids = rows.filter { $0.failureClass == name }.compactMap(\.id)
            return BarChart.Bar(label: name, value: Double(ids.count), row: RowIDs.attribute("failures", ids),
                                tooltip: "\(name): \(RowIDs.text("failures", ids))", cssClass: "bad")
        }
        let chart = BarChart(title: "Failures by class", bars: bars, xTitle: "failure class", yTitle: "failures",
                             frame: PlotFrame(bottom: 110))
        return Figure(id: "failures-by-class", title: "Failures by class", svg: chart.svg(),
                      caption: "\(rows.count) failures by class (\(RowIDs.text("failures", rows.compactMap(\.id)))).")
    }
}
