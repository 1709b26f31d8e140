import GRDB

extension StoreMerger {
    /// Work requests by (kind, structure, requested settings, options, engine), pointing at the
    /// target's rows; the target's answer wins when it has one.
    func mergeWorkRequests(_ rows: [Row], calculations: [Int64: Int64], optimizations: [Int64: Int64],
                           _ db: Database, _ report: inout MergeReport) throws {
        for row in rows {
            let overrides = ["calculation_id": MergeRows.mapped(row["calculation_id"], calculations),
                             "optimization_id": MergeRows.mapped(row["optimization_id"], optimizations)]
            let added = try MergeRows.insert(row, into: "work_requests", overrides: overrides, orIgnore: true, db)
            report.count("work_requests", added == nil ? .present : .added)
        }
    }
}
