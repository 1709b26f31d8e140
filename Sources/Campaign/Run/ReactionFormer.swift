import Store

/// Reactions and verdicts of a run: each reaction is formed once its species are settled, the
/// verdicts when the run ends.
final class ReactionFormer {
    private let plan: CampaignPlan
    private let reactions: ReactionEvaluator
    private let verdicts: VerdictEvaluator
    private let verdictSpecs: [VerdictSpec]
    private let store: ResultsStore
    /// Reactions settled (done, blocked, excluded, refused) in this run, or stored as done by an
    /// earlier run from the calculation rows the current tasks still point to.
    private var settled: Set<String> = []
    /// Reactions stored as done by earlier runs: the species each was formed from.
    private let stored: [String: [ReactionRecord.Species]]

    init(plan: CampaignPlan, store: ResultsStore, verdicts: [VerdictSpec]) throws {
        self.plan = plan
        reactions = ReactionEvaluator(campaign: plan.campaign, store: store)
        self.verdicts = VerdictEvaluator(campaign: plan.campaign, store: store)
        verdictSpecs = verdicts
        self.store = store
        stored = Dictionary(try store.reactions(campaign: plan.campaign).filter { $0.status == .done }.map { ($0.name, $0.species) },
                            uniquingKeysWith: { first, _ in first })
    }

    /// Forms every reaction whose species are settled in `rows`. A reaction stored as done by an
    /// earlier run is kept while its species and the calculation rows they used are still the
    /// current tasks' (a species whose file changed is computed anew, and its reactions are formed
    /// again from the new row); one settled in this run is final for the run, since its species'
    /// states do not change back within it.
    func formSettled(rows: [TaskRecord]) throws {
        for reaction in plan.reactions where !settled.contains(reaction.name) {
            if let species = stored[reaction.name], Self.stillHolds(species, reaction, plan: plan, rows: rows) {
                settled.insert(reaction.name)
            } else if try reactions.evaluate(reaction, plan: plan, rows: rows) != nil {
                settled.insert(reaction.name)
            }
        }
    }

    /// Whether a stored reaction was formed from the species and coefficients `reaction` names now,
    /// each from the calculation row its final task points to in `rows`.
    static func stillHolds(_ species: [ReactionRecord.Species], _ reaction: ReactionSpec, plan: CampaignPlan,
                           rows: [TaskRecord]) -> Bool {
        let terms = reaction.signedTerms
        guard terms.count == species.count else { return false }
        return zip(terms, species).allSatisfy { term, used in
            guard term.name == used.name, term.coefficient == used.coefficient, let index = plan.finalTask[term.name] else { return false }
            return rows[index].state == .done && rows[index].calculationID == used.calculationID
        }
    }

    /// Forms the reactions that are still open and then the verdicts (when the run ends).
    func formVerdicts(rows: [TaskRecord]) throws {
        try formSettled(rows: rows)
        for spec in verdictSpecs { try verdicts.evaluate(spec, rows: rows) }
        try SurfaceFormer(campaign: plan.campaign, store: store).form(plan.surfaces, finalTask: plan.finalTask, rows: rows)
    }
}
