import Store

/// Forms a campaign's reactions (and verdicts) again from what a database holds, without running
/// anything: for a database merged from shards, where a shard could form only its own reactions.
public enum ReactionRecompute {
    /// What a recomputation stored.
    public struct Outcome: Sendable {
        /// Reaction rows by status ("done", "blocked", "refused", …).
        public var byStatus: [String: Int]
        /// Reactions still waiting for a species task that is not done.
        public var waiting: [String]
        /// Surfaces (`[[surfaces]]`) still waiting for a task that is not settled.
        public var waitingSurfaces: [String] = []
    }

    /// Replaces every reaction of `plan` whose species are settled in `store`, from the task rows
    /// the plan's keys name; then forms `verdicts`. Task rows are read, never changed.
    public static func run(plan: CampaignPlan, verdicts: [VerdictSpec] = [], store: ResultsStore) throws -> Outcome {
        try run(CampaignDefinition(plan: plan, verdicts: verdicts), store: store)
    }

    /// The same from a campaign definition stored in the database (`merge` uses it).
    public static func run(_ definition: CampaignDefinition, store: ResultsStore) throws -> Outcome {
        let campaign = definition.campaign
        let stored = Dictionary(try store.tasks(campaign: campaign).map { ($0.key, $0) },
                                uniquingKeysWith: { first, _ in first })
        let rows = definition.tasks.map { task in
            // A row planned from another definition (the spec changed) does not count.
            stored[task.key].flatMap { $0.definitionHash == task.definitionHash ? $0 : nil }
                ?? TaskRecord(campaign: campaign, key: task.key, kind: task.kind, structureName: task.structureName,
                              inputHash: nil, definitionHash: task.definitionHash, settingsHash: task.settingsHash,
                              predictedSeconds: task.predictedSeconds)
        }
        let evaluator = ReactionEvaluator(campaign: campaign, store: store)
        let inputs = definition.reactionInputs
        var outcome = Outcome(byStatus: [:], waiting: [])
        for reaction in definition.reactionSpecs {
            if let row = try evaluator.evaluate(reaction, inputs: inputs, rows: rows) {
                outcome.byStatus[row.status.rawValue, default: 0] += 1
            } else {
                outcome.waiting.append(reaction.name)
            }
        }
        let judge = VerdictEvaluator(campaign: campaign, store: store)
        for verdict in definition.verdicts { try judge.evaluate(verdict, rows: rows) }
        outcome.waitingSurfaces = try SurfaceFormer(campaign: campaign, store: store)
            .form(definition.surfaces ?? [], finalTask: definition.finalTask, rows: rows)
        return outcome
    }
}
