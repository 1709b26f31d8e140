import GRDB

extension ResultsStore {
    /// All calculation rows, in insertion order.
    public func calculations() throws -> [CalculationRecord] {
        try pool.read { db in try CalculationRecord.order(Column("id")).fetchAll(db) }
    }

    /// All failure rows, in insertion order.
    public func failures() throws -> [FailureRecord] {
        try pool.read { db in try FailureRecord.order(Column("id")).fetchAll(db) }
    }

    /// All calculations with their structure and settings, in insertion order.
    public func calculationRows() throws -> [CalculationRow] {
        try pool.read { db in try CalculationRow.fetchAll(db, CalculationRow.request) }
    }

    /// All failures (with structure and settings when stored), in insertion order.
    public func failureRows() throws -> [FailureRow] {
        try pool.read { db in try FailureRow.fetchAll(db, FailureRow.request) }
    }

    /// Calculations, failures, tasks and reactions read in one transaction, for the exports.
    public func snapshot() throws -> ResultsSnapshot {
        try pool.read { db in
            ResultsSnapshot(calculations: try CalculationRow.fetchAll(db, CalculationRow.request),
                            failures: try FailureRow.fetchAll(db, FailureRow.request),
                            tasks: try TaskRecord.order(Column("id")).fetchAll(db),
                            reactions: try ReactionRecord.order(Column("id")).fetchAll(db))
        }
    }

    /// Row counts.
    public func counts() throws -> StoreCounts {
        try pool.read { db in
            let byClass = try Row.fetchAll(db, FailureRecord
                .select(Column("failure_class"), count(Column("id")).forKey("n"))
                .group(Column("failure_class")))
            return StoreCounts(
                runs: try RunRecord.fetchCount(db),
                unfinishedRuns: try RunRecord.filter(Column("finished_at") == nil).fetchCount(db),
                structures: try StructureRecord.fetchCount(db),
                settings: try SettingsRecord.fetchCount(db),
                calculations: try CalculationRecord.fetchCount(db),
                unconvergedCalculations: try CalculationRecord.filter(Column("scc_converged") == false).fetchCount(db),
                failures: try FailureRecord.fetchCount(db),
                failuresByClass: Dictionary(uniqueKeysWithValues: byClass.map { ($0["failure_class"], $0["n"]) }))
        }
    }
}
