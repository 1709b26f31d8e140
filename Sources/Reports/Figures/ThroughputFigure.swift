import Store

/// Per run: which rank ran which task when, and the efficiency Σ task time / (ranks × makespan).
enum ThroughputFigure {
    static func section(_ data: ReportData) -> ReportSection {
        var section = ReportSection(title: "Throughput")
        let runs = RunThroughput.all(data.tasks)
        guard !runs.isEmpty else {
            section.notes.append("No task row has a rank, start and finish: no timeline (not a campaign database?).")
            return section
        }
        section.tables.append(table(runs))
        section.figures = runs.map(figure)
        return section
    }

    static func table(_ runs: [RunThroughput]) -> ReportTable {
        ReportTable(title: "Efficiency per run", header: ["run", "tasks", "ranks", "makespan", "Σ task time", "efficiency"],
                    rows: runs.map { r in
                        [r.runLabel, String(r.tasks.count), String(r.ranks.count), Format.seconds(r.makespan),
                         Format.seconds(r.busySeconds), r.efficiency.map(Format.percent) ?? "–"]
                    },
                    caption: "Task time is finished_at − started_at of each task row (handed to a rank until its result "
                        + "was stored); ranks are those that ran tasks; makespan is the last finish minus the first start.")
    }

    static func figure(_ run: RunThroughput) -> Figure {
        let spans = run.tasks.map { t in
            Timeline.Span(lane: t.rank ?? 0, start: t.startedAt!.timeIntervalSince(run.start),
                          end: t.finishedAt!.timeIntervalSince(run.start), row: RowIDs.attribute("tasks", [t.id ?? 0]),
                          tooltip: "\(t.key) (\(t.state.rawValue)), tasks row \(t.id ?? 0)",
                          failed: t.state != .done)
        }
        let title = "Ranks over time, \(run.runLabel)"
        let chart = Timeline(title: title, spans: spans, xTitle: "seconds since the run's first task started")
        let efficiency = run.efficiency.map(Format.percent) ?? "–"
        let rows = RowIDs.text("tasks", run.tasks.compactMap(\.id))
        let caption = "\(run.tasks.count) tasks on \(run.ranks.count) rank(s) (\(rows), "
            + "columns rank, started_at, finished_at); red: not done. Efficiency Σ task time / (ranks × makespan) = "
            + "\(Format.seconds(run.busySeconds)) / (\(run.ranks.count) × \(Format.seconds(run.makespan))) = \(efficiency)."
        return Figure(id: "throughput-run-\(run.runID.map(String.init) ?? "none")", title: title, svg: chart.svg(),
                      caption: caption)
    }
}
