import GRDB

/// A row that is unique per (campaign, name) and replaced whenever it is formed again
/// (reactions, verdicts).
protocol CampaignNamedRecord: FetchableRecord, MutablePersistableRecord {
    var campaign: String { get }
    var name: String { get }
}

extension ReactionRecord: CampaignNamedRecord {}
extension VerdictRecord: CampaignNamedRecord {}

extension ResultsStore {
    /// Replaces the campaign's row of the same name with `record`, in one transaction.
    func replaceNamed<Record: CampaignNamedRecord>(_ record: Record) throws -> Record {
        try pool.write { db in
            try Record.filter(Column("campaign") == record.campaign && Column("name") == record.name).deleteAll(db)
            var row = record
            try row.insert(db)
            return row
        }
    }

    /// The rows of `campaign` (all campaigns when nil), in the order they were stored.
    func namedRows<Record: CampaignNamedRecord>(_ type: Record.Type, campaign: String?) throws -> [Record] {
        try pool.read { db in
            let request = campaign.map { Record.filter(Column("campaign") == $0) } ?? Record.all()
            return try request.order(Column("id")).fetchAll(db)
        }
    }
}
