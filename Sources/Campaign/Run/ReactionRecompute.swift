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
    }

    /// Replaces every reaction of `plan` whose species are settled in `store`, from the task rows
    /// the plan's keys name; then forms `verdicts`. Task rows are read, never changed.
    public static func run(plan: CampaignPlan, verdicts: [VerdictSpec] = [], store: ResultsStore) throws -> Outcome {
        let stored = Dictionary(try store.tasks(campaign: plan.campaign).map { ($0.key, $0) },
                                uniquingKeysWith: { first, _ in first })
        let rows = plan.tasks.map { task in
            // A row planned from another definition (the spec changed) does not count.
            stored[task.key].flatMap { $0.definitionHash == task.definitionHash ? $0 : nil } ?? TaskRecord(campaign: plan.campaign, key: task.key, kind: task.kind.rawValue,
                                           structureName: task.structureName, inputHash: nil,
                                           definitionHash: task.definitionHash, settingsHash: task.settings.hash,
                                           predictedSeconds: task.predictedSeconds)
        }
        let evaluator = ReactionEvaluator(campaign: plan.campaign, store: store)
        var outcome = Outcome(byStatus: [:], waiting: [])
        for reaction in plan.reactions {
            if let row = try evaluator.evaluate(reaction, plan: plan, rows: rows) {
                outcome.byStatus[row.status, default: 0] += 1
            } else {
                outcome.waiting.append(reaction.name)
            }
        }
        let judge = VerdictEvaluator(campaign: plan.campaign, store: store)
        for verdict in verdicts { try judge.evaluate(verdict) }
        return outcome
    }
}
