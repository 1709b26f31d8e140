import GRDB

/// What a campaign needs to form its reactions and verdicts without its spec (one JSON document
/// per campaign), so a database merged from shards forms them itself.
enum CampaignDefinitionMigration {
    static let name = "v7-campaign-definitions"

    static func migrate(_ db: Database) throws {
        try db.create(table: "campaign_definitions") { t in
            t.primaryKey("campaign", .text)
            t.column("definition", .jsonText).notNull()
            t.column("stored_at", .datetime).notNull()
        }
    }
}
