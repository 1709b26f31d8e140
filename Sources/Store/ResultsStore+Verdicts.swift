import Foundation
import GRDB

extension ResultsStore {
    /// Stores a verdict, replacing the campaign's earlier one of the same protocol.
    @discardableResult
    public func saveVerdict(_ verdict: VerdictRecord) throws -> VerdictRecord {
        try replaceNamed(verdict)
    }

    /// Verdicts of `campaign` (all when nil), in the order they were stored.
    public func verdicts(campaign: String? = nil) throws -> [VerdictRecord] {
        try namedRows(VerdictRecord.self, campaign: campaign)
    }
}
