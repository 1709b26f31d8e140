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

    @Option(help: "csv, json or extxyz (one frame per calculation, energy per frame; ASE reads it).")
    var format: String = "csv"

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
        let text = try ExportFormat(rawValue: format)!.render(store.snapshot())
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
