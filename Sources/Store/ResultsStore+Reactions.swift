import Foundation
import GRDB

extension ResultsStore {
    /// Stores a reaction's energy (or why it could not be formed), replacing an earlier row.
    @discardableResult
    public func saveReaction(_ reaction: ReactionRecord) throws -> ReactionRecord {
        try pool.write { db in
            try ReactionRecord.filter(Column("campaign") == reaction.campaign && Column("name") == reaction.name)
                .deleteAll(db)
            var row = reaction
            try row.insert(db)
            return row
        }
    }

    /// Reactions of `campaign` (all when nil), in the order they were stored.
    public func reactions(campaign: String? = nil) throws -> [ReactionRecord] {
        try pool.read { db in
            let request = campaign.map { ReactionRecord.filter(Column("campaign") == $0) } ?? ReactionRecord.all()
            return try request.order(Column("id")).fetchAll(db)
        }
    }
}
