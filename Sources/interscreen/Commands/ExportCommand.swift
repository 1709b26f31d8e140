import ArgumentParser
import Foundation
import Store

/// `interscreen export`: everything the database holds, as CSV, JSON or extended XYZ.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored calculation (and failure) as CSV, JSON or extended XYZ."
    )

    @Option(help: "Results database (SQLite).")
    var db: String = "interscreen.sqlite"

    @Option(help: "csv, json or extxyz (one frame per calculation with its energy and forces in eV/Å; ASE reads it).")
    var format: String = "csv"

    @Option(help: "Only this campaign: its tasks, reactions, the calculations they use and its failures.")
    var campaign: String?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be csv, json or extxyz (got '\(format)')")
        }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let store = try OpenedDatabase.open(db, .read)
        var snapshot = try store.snapshot()
        if let campaign {
            guard snapshot.campaigns.contains(campaign) else {
                let known = snapshot.campaigns.isEmpty ? "none" : snapshot.campaigns.joined(separator: ", ")
                throw CommandFailure.data("no campaign \"\(campaign)\" in \(db) (campaigns: \(known))")
            }
            snapshot = snapshot.only(campaign: campaign)
        }
        let text = try ExportFormat(rawValue: format)!.render(snapshot)
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
