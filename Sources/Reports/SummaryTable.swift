import Store

/// What the report was made from: the database, the campaign, and the rows of each table.
enum SummaryTable {
    static func section(_ data: ReportData) -> ReportSection {
        let states = Dictionary(grouping: data.tasks, by: \.state.rawValue).map { "\($0.key) \($0.value.count)" }.sorted()
        let rows = [
            ["database", data.database],
            ["campaign", data.campaign ?? "all"],
            ["tasks", "\(data.tasks.count)" + (states.isEmpty ? "" : " (\(states.joined(separator: ", ")))")],
            ["calculations", String(data.calculations.count)],
            ["optimisations", String(data.optimizations.count)],
            ["reactions", String(data.reactions.count)],
            ["verdicts", String(data.verdicts.count)],
            ["failures", String(data.failures.count)],
            ["measured file", data.measuredFile ?? "none (--measured not given)"],
        ]
        let table = ReportTable(title: "Source", header: ["item", "value"], rows: rows,
                                caption: "Row counts of the tables this report reads; every figure names its rows.")
        return ReportSection(title: "Source", tables: [table])
    }
}
