import Foundation
import GRDB

extension ResultsStore {
    /// Stores a reaction's energy (or why it could not be formed), replacing an earlier row.
    @discardableResult
    public func saveReaction(_ reaction: ReactionRecord) throws -> ReactionRecord {
        try replaceNamed(reaction)
    }

    /// Reactions of `campaign` (all when nil), in the order they were stored.
    public func reactions(campaign: String? = nil) throws -> [ReactionRecord] {
        try namedRows(ReactionRecord.self, campaign: campaign)
    }
}
