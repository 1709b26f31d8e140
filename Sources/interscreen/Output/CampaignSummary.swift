import Campaign
import Foundation
import Store
import Structures

/// The end-of-run report: task counts, failures with their messages, reaction energies.
///
/// Every energy printed names the reaction row and the calculation rows it came from.
struct CampaignSummary {
    let store: ResultsStore
    let campaign: String
    let rows: [TaskRecord]
    let invalid: [InvalidStructure]

    func print() throws {
        let byState = Dictionary(grouping: rows, by: \.state)
        let summary = TaskState.allCases.compactMap { s in byState[s].map { "\($0.count) \(s.rawValue)" } }
        printFlushed("tasks: " + summary.joined(separator: ", ")
            + (invalid.isEmpty ? "" : "; \(invalid.count) structure(s) with invalid input"))
        for structure in invalid {
            printFlushed("  invalid \(structure.name) [\(structure.error.kind.rawValue)]: \(structure.error.description)")
        }
        for row in rows where [.failed, .blocked, .quarantined].contains(row.state) {
            printFlushed("  \(row.state.rawValue) \(row.key) [\(row.failureClass ?? "-")]: \(row.message ?? "")")
        }
        let reactions = try store.reactions(campaign: campaign)
        guard !reactions.isEmpty else { return }
        printFlushed("reactions (kJ/mol; row id → calculation ids):")
        for r in reactions {
            let ids = r.species.map { "\($0.calculationID)" }.joined(separator: ",")
            switch (r.status, r.energyKJMol) {
            case (.done, let kj?):
                let per = r.normalizedKJMol.map { String(format: "  = %.2f per %@", $0, r.normalizationUnit ?? "unit") } ?? ""
                printFlushed(String(format: "  %@: %.2f%@   [reaction %lld → %@]", r.name, kj, per, r.id ?? 0, ids))
            default:
                printFlushed("  \(r.name): \(r.status.rawValue) — \(r.message ?? "")")
            }
        }
    }
}
