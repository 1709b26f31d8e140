import Engine
import Foundation
import Store
import Structures

/// Forms reaction energies from the stored single points of their species, or says why not.
///
/// Energy = Σ ν·E(products) − Σ ν·E(reactants), from the calculation rows the species' final
/// tasks point to (recorded in the reaction row, so every number traces back to its inputs).
/// Species computed with different physics (method, accuracy, electronic temperature, solvent)
/// are never mixed: the reaction is stored as refused, with the reason.
struct ReactionEvaluator {
    let campaign: String
    let store: ResultsStore

    enum Readiness {
        case waiting
        case ready([(name: String, coefficient: Double, task: TaskRecord)])
        case blocked(String)
        case excluded(String)
    }

    /// Whether every species of `reaction` is done, and which tasks give their energies.
    func readiness(of reaction: ReactionSpec, plan: CampaignPlan, rows: [TaskRecord]) -> Readiness {
        readiness(of: reaction, inputs: plan.reactionInputs, rows: rows)
    }

    /// The same from the task graph alone (a plan, or a campaign definition stored in the database).
    func readiness(of reaction: ReactionSpec, inputs plan: ReactionInputs, rows: [TaskRecord]) -> Readiness {
        let invalid = plan.invalid
        var species: [(String, Double, TaskRecord)] = []
        let terms = reaction.signedTerms
        for (name, coefficient) in terms {
            if invalid.contains(name) { return .blocked("species \(name) has invalid input") }
            guard let index = plan.finalTask[name] else { return .blocked("species \(name) is not planned") }
            let row = rows[index]
            switch row.state {
            case .done:
                if let (key, flag) = Self.topologyFlag(from: index, plan: plan, rows: rows) {
                    return .excluded("species \(name) (\(key)) is flagged \(flag): its structure changed "
                        + "chemically while optimising")
                }
                species.append((name, coefficient, row))
            case .failed, .blocked, .quarantined:
                return .blocked("species \(name) (\(row.key)) \(row.state.rawValue): \(row.message ?? "")")
            case .pending, .running: return .waiting
            }
        }
        return .ready(species)
    }

    /// The first topology flag on task `index` or on the tasks it depends on (the single point of
    /// an optimised geometry carries none itself: the optimisation that made the geometry does).
    static func topologyFlag(from index: Int, plan: ReactionInputs, rows: [TaskRecord]) -> (key: String, flag: String)? {
        var next: Int? = index
        while let i = next {
            if let flag = rows[i].flags.first(where: \.excludesFromReactions) {
                return (rows[i].key, flag.text)
            }
            next = plan.dependsOn[i]
        }
        return nil
    }

    /// Computes and stores the reaction if its inputs are settled; returns the row, or nil if waiting.
    @discardableResult
    func evaluate(_ reaction: ReactionSpec, plan: CampaignPlan, rows: [TaskRecord]) throws -> ReactionRecord? {
        try evaluate(reaction, inputs: plan.reactionInputs, rows: rows)
    }

    /// The same from the task graph alone.
    @discardableResult
    func evaluate(_ reaction: ReactionSpec, inputs: ReactionInputs, rows: [TaskRecord]) throws -> ReactionRecord? {
        switch readiness(of: reaction, inputs: inputs, rows: rows) {
        case .waiting:
            return nil
        case .blocked(let why):
            return try store.saveReaction(ReactionRecord(campaign: campaign, name: reaction.name, status: .blocked,
                                                         species: [], message: why))
        case .excluded(let why):
            return try store.saveReaction(ReactionRecord(campaign: campaign, name: reaction.name, status: .excluded,
                                                         species: [], message: why))
        case .ready(let terms):
            return try store.saveReaction(try energy(of: reaction, terms: terms))
        }
    }

    private func energy(of reaction: ReactionSpec,
                        terms: [(name: String, coefficient: Double, task: TaskRecord)]) throws -> ReactionRecord {
        var species: [ReactionRecord.Species] = []
        var physics: [String: [String]] = [:]
        for term in terms {
            guard let id = term.task.calculationID, let calc = try store.calculation(id: id),
                  let settings = try store.settings(hash: calc.settingsHash) else {
                throw StoreError.corruptRow(table: "tasks", key: term.task.key, "done, but its calculation row is missing")
            }
            species.append(.init(name: term.name, coefficient: term.coefficient, calculationID: id,
                                 energyHartree: calc.energyHartree, settingsHash: calc.settingsHash))
            physics[settings.physicsText, default: []].append(term.name)
        }
        guard physics.count == 1 else {
            let groups = physics.values.map { $0.joined(separator: ", ") }.sorted().joined(separator: " | ")
            return ReactionRecord(campaign: campaign, name: reaction.name, status: .refused, species: species,
                                  message: "species were computed with different settings (\(groups)); "
                                      + "a reaction never mixes methods or settings")
        }
        let eh = species.reduce(0) { $0 + $1.coefficient * $1.energyHartree }
        let kj = eh * Units.kJPerMolPerHartree
        let norm = reaction.normalization
        return ReactionRecord(campaign: campaign, name: reaction.name, status: .done, energyHartree: eh,
                              energyKJMol: kj, energyEV: eh * Units.eVPerHartree,
                              normalizedKJMol: norm.map { kj / $0.count }, normalizationUnit: norm?.unit,
                              normalizationCount: norm?.count, species: species)
    }
}
