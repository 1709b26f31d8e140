import GRDB

/// Verdict rows say whether their bulk supercells come from a converged series (`bulk_converged`:
/// 1, 0, or NULL when the spec did not say; rows stored before stay NULL, never guessed).
enum VerdictBulkConvergenceMigration {
    static let name = "v10-verdict-bulk-convergence"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "verdicts") { t in
            t.add(column: "bulk_converged", .boolean)
        }
    }
}
