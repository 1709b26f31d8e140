import Analysis
import Foundation
import Store

/// Forms the phase-stabilisation verdicts of a campaign from its stored reactions.
///
/// Uses the reactions' energies as written (kJ/mol) for the interface and the bulk reaction's
/// normalised energy (per formula unit); refused, blocked or flagged configurations are left out
/// and listed. The verdict row names every reaction row it used.
struct VerdictEvaluator {
    let campaign: String
    let store: ResultsStore

    /// `rows`: the task rows of the campaign's current plan (the nanocrystal blocks are read from
    /// these, so a block dropped from the spec is not fitted).
    func evaluate(_ spec: VerdictSpec, rows: [TaskRecord]) throws {
        let reactions = try store.reactions(campaign: campaign)
        let bulk = reactions.first { $0.name == spec.bulkReaction }
        let (active, activeRows, activeOut) = ensemble(spec.activeReactions, reactions)
        let (inactive, inactiveRows, inactiveOut) = ensemble(spec.inactiveReactions, reactions)
        var row = VerdictRecord(campaign: campaign, name: spec.name, activePhase: spec.activePhase,
                                inactivePhase: spec.inactivePhase, formulaUnits: spec.formulaUnits,
                                temperature: spec.temperature, verdict: "")
        row.excluded = activeOut + inactiveOut
        row.reference = try spec.reference.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        row.roles = VerdictRoles(bulk: bulk?.id, active: activeRows.compactMap(\.id), inactive: inactiveRows.compactMap(\.id))
        row.reactionIDs = row.roles?.flat ?? []
        row.protocolName = spec.protocolName ?? spec.name
        row.bulkConverged = spec.bulkConverged
        row.activeLowestKJ = active.lowest?.kJMol
        row.activeBoltzmannKJ = active.boltzmannAverage(kelvin: spec.temperature)
        row.inactiveLowestKJ = inactive.lowest?.kJMol
        row.inactiveBoltzmannKJ = inactive.boltzmannAverage(kelvin: spec.temperature)
        if let nanocrystals = spec.nanocrystals {
            let exchange = row.activeBoltzmannKJ.flatMap { a in
                row.inactiveBoltzmannKJ.map { (active: a, inactive: $0, sigma: ConfigurationEnsemble.differenceSpread(active, inactive)) }
            }
            var faces: PhasePair<[VerdictSizeModel.FaceExchange]>?
            if nanocrystals.faceActive != nil || nanocrystals.faceInactive != nil {
                let none: ([VerdictSizeModel.FaceExchange], [String]) = ([], [])
                let active = nanocrystals.faceActive.map {
                    faceExchanges($0, blocks: nanocrystals.active, reactions, rows: rows, kelvin: spec.temperature) } ?? none
                let inactive = nanocrystals.faceInactive.map {
                    faceExchanges($0, blocks: nanocrystals.inactive, reactions, rows: rows, kelvin: spec.temperature) } ?? none
                faces = PhasePair(active: active.0, inactive: inactive.0)
                row.excluded += active.1 + inactive.1
            }
            row.sizeModel = try NanocrystalSizeFormer(campaign: campaign, store: store)
                .model(nanocrystals, active: spec.activePhase, inactive: spec.inactivePhase, exchange: exchange,
                       faces: faces, rows: rows)
        }
        guard let bulk, bulk.status == .done, let perUnit = bulk.normalizedKJMol else {
            row.verdict = "no verdict yet: bulk reaction \"\(spec.bulkReaction)\" is "
                + (bulk.map { "\($0.status.rawValue)\($0.message.map { ": \($0)" } ?? "")" } ?? "not computed")
            try store.saveVerdict(row)
            return
        }
        let verdict = PhaseVerdict(protocolName: spec.name, activePhase: spec.activePhase,
                                   inactivePhase: spec.inactivePhase, active: active, inactive: inactive,
                                   bulkInactiveMinusActive: perUnit, formulaUnits: spec.formulaUnits,
                                   kelvin: spec.temperature, bulkConverged: spec.bulkConverged)
        row.bulkKJPerUnit = perUnit
        row.bulkPreferenceKJ = verdict.bulkPreference
        row.ddELowestKJ = verdict.ddELowest
        row.ddEBoltzmannKJ = verdict.ddEBoltzmann
        row.marginKJ = verdict.margin
        row.uncertaintyKJ = verdict.knownUncertainty
        row.verdict = verdict.sentence
        try store.saveVerdict(row)
    }

    /// Done exchanges on block faces matching `pattern`, one entry per block (the reactant whose name
    /// matches the phase's nanocrystal pattern `blocks`, else all reactants), Boltzmann-averaged over
    /// that block's configurations; and the ones left out with why.
    private func faceExchanges(_ pattern: String, blocks: String, _ reactions: [ReactionRecord], rows: [TaskRecord],
                               kelvin: Double) -> (found: [VerdictSizeModel.FaceExchange], left: [String]) {
        let (_, used, left) = ensemble(pattern, reactions)
        let flaggedNames = Set(rows.filter { $0.flags.contains(where: \.marksGeometry) }.map(\.structureName))
        let byBlock = Dictionary(grouping: used) { reaction -> String in
            let reactants = reaction.species.filter { $0.coefficient < 0 }.map(\.name)
            return reactants.first { ReactionPattern.matches(blocks, $0) } ?? reactants.sorted().joined(separator: " + ")
        }
        let found = byBlock.sorted { $0.key < $1.key }.compactMap { block, members -> VerdictSizeModel.FaceExchange? in
            let configurations = ConfigurationEnsemble(energies: members.map { ($0.name, $0.energyKJMol!) })
            guard let mean = configurations.boltzmannAverage(kelvin: kelvin), let lowest = configurations.lowest else { return nil }
            let flagged = members.filter { $0.species.contains { flaggedNames.contains($0.name) } }.count
            return VerdictSizeModel.FaceExchange(block: block, formulaUnits: nil, energyKJ: mean, lowestKJ: lowest.kJMol,
                                                 reactionIDs: members.compactMap(\.id), flaggedConfigurations: flagged)
        }
        return (found, left)
    }

    /// The done configurations matching `pattern`, the rows used, and the ones left out with why.
    private func ensemble(_ pattern: String, _ reactions: [ReactionRecord])
        -> (ConfigurationEnsemble, [ReactionRecord], [String]) {
        let matched = reactions.filter { ReactionPattern.matches(pattern, $0.name) }
        let used = matched.filter { $0.status == .done && $0.energyKJMol != nil }
        let left = matched.filter { $0.status != .done }.map { "\($0.name): \($0.status.rawValue) — \($0.message ?? "")" }
        return (ConfigurationEnsemble(energies: used.map { ($0.name, $0.energyKJMol!) }), used, left)
    }
}
