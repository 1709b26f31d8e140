import Analysis
import ArgumentParser
import Foundation
import Models
import Reports
import Store

/// `interscreen report`: a self-contained HTML page (inline SVG) and a Markdown report of a database.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML and a Markdown report (verdicts, figures, convergence, throughput) into a folder.",
        discussion: "Every figure and table names the database rows it comes from (docs/reports.md)."
    )

    @Option(help: "Results database (SQLite).")
    var db: String = "interscreen.sqlite"

    @Option(help: "Folder to write index.html, report.md and the figures (.svg) into.")
    var out: String

    @Option(help: "Only this campaign.")
    var campaign: String?

    @Option(parsing: .upToNextOption,
            help: "Measured observations (CSV files, jobs/measured/README.md) for the predicted-versus-measured figure.")
    var measured: [String] = []

    func run() throws {
        let data: ReportData
        do {
            data = try ReportData.load(store: try OpenedDatabase.open(db, .read), campaign: campaign, measured: measured,
                                       slabThreshold: SurfaceStudy.defaultThreshold)
        } catch let error as MeasuredCSVError {
            throw CommandFailure.data(error.description)
        }
        let written = try ReportWriter(data: data).write(to: out)
        for file in written { printFlushed(file) }
    }
}
