import Foundation
import GRDB

extension ResultsStore {
    /// Stores (replaces) the definition document of `campaign`: its reactions, verdicts and the
    /// tasks that give their species, as JSON written by the Campaign module.
    public func saveCampaignDefinition(campaign: String, json: String) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO campaign_definitions (campaign, definition, stored_at) VALUES (?, ?, ?)
                ON CONFLICT(campaign) DO UPDATE SET definition = excluded.definition, stored_at = excluded.stored_at
                """, arguments: [campaign, json, Date()])
        }
    }

    /// Every stored definition document, by campaign name (sorted).
    public func campaignDefinitions() throws -> [(campaign: String, json: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT campaign, definition FROM campaign_definitions ORDER BY campaign")
                .map { ($0["campaign"], $0["definition"]) }
        }
    }
}
