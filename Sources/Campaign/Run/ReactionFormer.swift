import Store

/// Reactions and verdicts of a run: each reaction is formed once its species are settled, the
/// verdicts when the run ends.
final class ReactionFormer {
    private let plan: CampaignPlan
    private let reactions: ReactionEvaluator
    private let verdicts: VerdictEvaluator
    private let verdictSpecs: [VerdictSpec]
    private let store: ResultsStore
    /// Reactions formed by earlier runs or settled (done, blocked, excluded, refused) in this one.
    private var settled: Set<String>

    init(plan: CampaignPlan, store: ResultsStore, verdicts: [VerdictSpec]) throws {
        self.plan = plan
        reactions = ReactionEvaluator(campaign: plan.campaign, store: store)
        self.verdicts = VerdictEvaluator(campaign: plan.campaign, store: store)
        verdictSpecs = verdicts
        self.store = store
        settled = Set(try store.reactions(campaign: plan.campaign).filter { $0.status == .done }.map(\.name))
    }

    /// Forms every reaction whose species are settled in `rows`. A reaction stored as done by an
    /// earlier run is not formed again; one settled in this run (done, blocked, excluded, refused)
    /// is final for the run, since its species' states do not change back within it.
    func formSettled(rows: [TaskRecord]) throws {
        for reaction in plan.reactions where !settled.contains(reaction.name) {
            if try reactions.evaluate(reaction, plan: plan, rows: rows) != nil {
                settled.insert(reaction.name)
            }
        }
    }

    /// Forms the reactions that are still open and then the verdicts (when the run ends).
    func formVerdicts(rows: [TaskRecord]) throws {
        try formSettled(rows: rows)
        for spec in verdictSpecs { try verdicts.evaluate(spec, rows: rows) }
        try SurfaceFormer(campaign: plan.campaign, store: store).form(plan.surfaces, finalTask: plan.finalTask, rows: rows)
    }
}
