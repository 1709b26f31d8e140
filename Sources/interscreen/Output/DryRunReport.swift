import Campaign
import Foundation
import Store

/// `run --dry-run`: the validated plan and what the database already holds, computing nothing.
struct DryRunReport {
    let plan: CampaignPlan
    let spec: JobSpec
    let databasePath: String

    func print() throws {
        printFlushed("spec \(spec.sourceFile) is valid: campaign \(plan.campaign)")
        printFlushed("structures: \(spec.structures.count) valid, \(spec.invalidStructures.count) invalid")
        for invalid in spec.invalidStructures {
            printFlushed("  invalid \(invalid.name): \(invalid.error.description) (fails without an engine call)")
        }
        if !spec.pairings.isEmpty { printPairings() }
        let counts = plan.countsByKind
        printFlushed("tasks: \(plan.tasks.count) (\(counts[.optimization] ?? 0) optimisations, "
            + "\(counts[.singlePoint] ?? 0) single points)")
        let predicted = plan.tasks.reduce(0) { $0 + $1.predictedSeconds }
        printFlushed(String(format: "predicted engine time: %.0f s (size model, uncalibrated)", predicted))
        printFlushed("reactions: \(plan.reactions.count)")
        for surface in plan.surfaces {
            printFlushed("surface \(surface.name): \(surface.miller) \(surface.termination)-terminated, layers "
                + surface.layers.map(String.init).joined(separator: ",") + ", in-plane "
                + surface.inPlane.map { "\($0[0])x\($0[1])" }.joined(separator: ",") + ", vacuum "
                + surface.vacuums.map { String(format: "%g", $0) }.joined(separator: ",") + " Å; "
                + "\(spec.structures.filter { $0.name.hasPrefix(surface.name + "/") }.count) single points"
                + (surface.excessFile == nil ? "" : ", with the excess series "
                    + "\(SurfaceStructures.excessPrefix(surface))/… (shared by the surfaces that name its file)"))
        }
        if !spec.verdicts.isEmpty { printFlushed("verdicts: \(spec.verdicts.count)") }
        printSizeModels()
        for reaction in plan.reactions.prefix(spec.pairings.isEmpty ? Int.max : 40) {
            let lhs = reaction.reactants.map { "\(Self.coefficient($0.coefficient))\($0.name)" }.joined(separator: " + ")
            let rhs = reaction.products.map { "\(Self.coefficient($0.coefficient))\($0.name)" }.joined(separator: " + ")
            let per = reaction.normalization.map { " (per \($0.unit), ÷ \($0.count == $0.count.rounded() ? "\(Int($0.count))" : "\($0.count)"))" } ?? ""
            printFlushed("  \(reaction.name): \(lhs) → \(rhs)\(per)")
        }
        if plan.reactions.count > 40, !spec.pairings.isEmpty { printFlushed("  … and \(plan.reactions.count - 40) more") }
        try printDatabaseState()
    }

    /// "N pairings", and per pairing the products built for each phase.
    private func printPairings() {
        let perovskites = Set(spec.pairings.map(\.perovskite)).count, glasses = Set(spec.pairings.map(\.glass)).count
        printFlushed("\(spec.pairings.count) pairings (\(perovskites) perovskites × \(glasses) glasses)")
        for p in spec.pairings {
            let note = p.activeProducts > 0 && p.inactiveProducts > 0 ? "" : "  (no verdict: a model could not be built)"
            printFlushed("  \(p.name): \(p.activeProducts) + \(p.inactiveProducts) exchange products\(note)")
            for line in p.skipped { printFlushed("    skipped \(line)") }
        }
    }

    /// Per verdict with `nanocrystals`: which blocks each phase's L* fit will use, and the coverage.
    private func printSizeModels() {
        for verdict in spec.verdicts {
            guard let n = verdict.nanocrystals else { continue }
            let count = { (pattern: String) in spec.structures.filter { ReactionPattern.matches(pattern, $0.name) }.count }
            printFlushed("  \(verdict.name): L* from nanocrystals \(verdict.activePhase) \(n.active) (\(count(n.active)) blocks)"
                + " against \(verdict.inactivePhase) \(n.inactive) (\(count(n.inactive)) blocks), coverage \(String(format: "%g", n.coverage))")
        }
    }

    private func printDatabaseState() throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            printFlushed("database \(databasePath): does not exist yet; every task will run")
            return
        }
        let rows = try OpenedDatabase.open(databasePath, .read).tasks(campaign: plan.campaign)
        let byState = Dictionary(grouping: rows, by: \.state).mapValues(\.count)
        let summary = TaskState.allCases.compactMap { s in byState[s].map { "\($0) \(s.rawValue)" } }
        printFlushed("database \(databasePath): " + (summary.isEmpty ? "no tasks of this campaign yet"
            : summary.joined(separator: ", ")))
    }

    static func coefficient(_ value: Double) -> String {
        value == 1 ? "" : value == value.rounded() ? "\(Int(value)) " : "\(value) "
    }
}
