import Analysis
import ArgumentParser
import Foundation
import Models
import Reports
import Store

/// `interscreen compare`: the stored verdicts' predictions against published measurements.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare predicted margins (verdict rows) with measured observations (CSV, jobs/measured/README.md).",
        discussion: """
            A prediction is a verdict's margin per formula unit (positive: the interface stabilises the \
            active phase). Measured rows map to verdicts through their `pairing` column; every number \
            printed names its verdict row and CSV line.
            """
    )

    @Option(help: "Results database (SQLite).")
    var db: String = "interscreen.sqlite"

    @Option(parsing: .upToNextOption,
            help: "Measured observations: one or more CSV files (format of jobs/measured/README.md).")
    var measured: [String] = []

    @Option(help: "Only the verdicts of this campaign (otherwise each pairing's latest complete verdict stands for it).")
    var campaign: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard MeasuredFile.label(measured) != nil else { throw ValidationError("give --measured FILE.csv (one or more)") }
    }

    func run() throws {
        let store = try OpenedDatabase.open(db, .read)
        let files = MeasuredFile.label(measured) ?? ""
        let observations: [MeasuredObservation]
        do { observations = try MeasuredFile.read(measured) } catch let error as MeasuredCSVError {
            throw CommandFailure.data(error.description)
        }
        let verdicts = try store.verdicts(campaign: campaign)
        guard !verdicts.isEmpty else {
            let scope = campaign.map { " for campaign \($0)" } ?? ""
            throw CommandFailure.data("no verdicts in \(db)\(scope): the spec needs [[verdicts]] (or a [screen]); a "
                + "database merged from shards run before campaign definitions were stored forms them with: "
                + "interscreen reactions JOB.toml --db \(db)")
        }
        let surfaces = try store.surfaceEnergies()
        let predictions = verdicts.map {
            PairingPrediction($0, surfaces: surfaces, slabThreshold: SurfaceStudy.defaultThreshold)
        }
        let comparison = PairingComparison(observations: observations, predictions: predictions)
        if json {
            let data = try JSONSerialization.data(withJSONObject: ComparisonJSON.object(comparison, database: db),
                                                  options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            printFlushed(String(decoding: data, as: UTF8.self))
        } else {
            ComparisonText(comparison: comparison, database: db, measured: files).lines().forEach(printFlushed)
        }
    }
}
