import ArgumentParser
import Campaign
import Foundation
import Store

/// `interscreen reactions JOB.toml --db ALL.sqlite`: forms a campaign's reactions from what a database holds.
struct ReactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reactions",
        abstract: "Form a campaign's reactions (and verdicts) from a database without computing, e.g. after merging shards.",
        discussion: """
        Reads the task rows of the spec's campaign (a merged database has every shard's) and stores \
        every reaction whose species are settled, replacing earlier rows; then the verdicts. \
        Nothing is computed: species that are not done leave their reactions waiting (exit status 1).
        """
    )

    @Argument(help: "The job spec (TOML) the database was computed from.")
    var spec: String

    @Option(help: "Results database (default: the spec's).")
    var db: String?

    func run() throws {
        let job = try JobSpecParser.parse(path: spec)
        let path = db ?? job.database
        let store = try OpenedDatabase.open(path, .read)
        let plan = CampaignPlan(spec: job)
        try CampaignDefinition(plan: plan, verdicts: job.verdicts).save(in: store)
        let outcome = try ReactionRecompute.run(plan: plan, verdicts: job.verdicts, store: store)
        try CampaignSummary(store: store, campaign: plan.campaign, rows: try store.tasks(campaign: plan.campaign),
                            invalid: plan.invalidStructures).print()
        try CampaignSurfaceTable.print(store: store, campaign: plan.campaign)
        if !job.verdicts.isEmpty { try VerdictTable(store: store, campaign: plan.campaign).print() }
        if !outcome.waitingSurfaces.isEmpty {
            printError("surfaces waiting for tasks that are not settled: " + outcome.waitingSurfaces.joined(separator: ", "))
        }
        if !outcome.waiting.isEmpty {
            printError("waiting for species that are not done: " + outcome.waiting.joined(separator: ", "))
            throw ExitCode(1)
        }
        if !outcome.waitingSurfaces.isEmpty { throw ExitCode(1) }
    }
}
