import ArgumentParser
import Campaign
import Foundation
import Store

/// `interscreen merge A.sqlite B.sqlite … -o ALL.sqlite`: one database from many (e.g. shards).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge results databases (e.g. campaign shards) into one, deduplicated by identity; reports conflicts.",
        discussion: """
        Structures, settings, calculations, optimisations, failures, runs, tasks and reactions are \
        merged; a row whose identity is already in the output is kept once. The same calculation \
        identity with energies differing by more than --tolerance is a conflict: the output keeps the \
        first, the conflict is printed and the exit status is 1. Merging again changes nothing. \
        Every run stores its campaign's definition (reactions, verdicts, the tasks behind them) in \
        the database; after merging, the reactions and verdicts of every defined campaign are formed \
        from the merged rows, so `compare` and `report` work on the output directly. A database \
        without a definition (made before it was stored) needs `interscreen reactions JOB.toml --db OUT`.
        """
    )

    @Argument(help: "Databases to merge, in order (on a conflict the earlier one's row is kept).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output database (created, or merged into when it exists).")
    var output: String

    @Option(parsing: .unconditional, help: "Largest energy difference (Eh) between rows of the same identity that is not a conflict.")
    var tolerance: Double = 1e-8

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one database to merge") }
        try OptionRange.atLeast(0, tolerance, "--tolerance")
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == out {
                throw ValidationError("\(input) is also the output; merge into another file")
            }
        }
    }

    func run() throws {
        let merger = StoreMerger(target: try OpenedDatabase.open(output, .create), tolerance: tolerance)
        var conflicts = 0
        var changed = false
        for input in inputs {
            let report = try merger.merge(path: input)   // opens `input` with ResultsStore.open(path:access: .read)
            changed = changed || report.tables.values.contains { $0.added + $0.replaced > 0 }
            let tables = report.tables.sorted { $0.key < $1.key }.map { name, c in
                "\(name) +\(c.added)" + (c.replaced > 0 ? " ~\(c.replaced)" : "") + (c.present > 0 ? " =\(c.present)" : "")
            }
            printFlushed("\(input): " + (tables.isEmpty ? "empty" : tables.joined(separator: ", ")))
            for (table, n) in report.notMerged.sorted(by: { $0.key < $1.key }) {
                printFlushed("  not merged: \(n) row(s) of \(table) (derived; formed again below from the campaign definitions)")
            }
            for conflict in report.conflicts { printFlushed("  conflict: \(conflict)") }
            conflicts += report.conflicts.count
        }
        printFlushed("merged \(inputs.count) database(s) into \(output) (+ added, ~ replaced by a further-along row, "
            + "= already there); \(conflicts) conflict(s)")
        // Nothing new: the reactions and verdicts formed last time stand (merging again changes nothing).
        if changed { try formReactions(in: merger.target) }
        if conflicts > 0 { throw ExitCode(1) }
    }

    /// Forms reactions and verdicts of every campaign defined in the merged database.
    private func formReactions(in store: ResultsStore) throws {
        let definitions = try CampaignDefinition.all(in: store)
        for definition in definitions {
            let outcome = try ReactionRecompute.run(definition, store: store)
            let counts = outcome.byStatus.sorted { $0.key < $1.key }.map { "\($1) \($0)" }.joined(separator: ", ")
            printFlushed("campaign \(definition.campaign): reactions \(counts.isEmpty ? "none" : counts), "
                + "\(definition.verdicts.count) verdict(s) formed"
                + (outcome.waiting.isEmpty ? "" : "; \(outcome.waiting.count) reaction(s) wait for species not done")
                + (outcome.waitingSurfaces.isEmpty ? "" : "; surface(s) waiting for tasks: "
                    + outcome.waitingSurfaces.joined(separator: ", ")))
            try CampaignSurfaceTable.print(store: store, campaign: definition.campaign)
        }
        let defined = Set(definitions.map(\.campaign))
        for campaign in Set(try store.tasks().map(\.campaign)).subtracting(defined).sorted() {
            printFlushed("campaign \(campaign): no definition stored (made before definitions were kept); form its "
                + "reactions and verdicts with: interscreen reactions JOB.toml --db \(output)")
        }
    }
}
