import Foundation
import GRDB

extension ResultsStore {
    /// Stores a verdict, replacing the campaign's earlier one of the same protocol.
    @discardableResult
    public func saveVerdict(_ verdict: VerdictRecord) throws -> VerdictRecord {
        try pool.write { db in
            try VerdictRecord.filter(Column("campaign") == verdict.campaign && Column("name") == verdict.name)
                .deleteAll(db)
            var row = verdict
            try row.insert(db)
            return row
        }
    }

    /// Verdicts of `campaign` (all when nil), in the order they were stored.
    public func verdicts(campaign: String? = nil) throws -> [VerdictRecord] {
        try pool.read { db in
            let request = campaign.map { VerdictRecord.filter(Column("campaign") == $0) } ?? VerdictRecord.all()
            return try request.order(Column("id")).fetchAll(db)
        }
    }
}
