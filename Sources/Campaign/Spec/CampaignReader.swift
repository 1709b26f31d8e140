/// Reads `[campaign]`: `name` (required) and `database` (default "<name>.sqlite").
enum CampaignReader {
    /// Nil (with problems reported) when `[campaign]` or its name is missing or wrong.
    static func read(_ root: TableReader) -> (name: String, database: String)? {
        guard root.has("campaign") else {
            root.context.report(1, "the spec needs a [campaign] table with `name`")
            return nil
        }
        guard let t = root.subtable("campaign", title: "[campaign]") else { return nil }
        t.checkKeys(SpecKeys.campaign, elsewhere: SpecKeys.homes(excluding: SpecKeys.campaign))
        guard t.has("name") else {
            t.context.report(t.line, "[campaign] needs `name`")
            return nil
        }
        let name = MethodReader.checked(t, "name", t.string("name"), "must not be empty") { !$0.isEmpty }
        let database = MethodReader.checked(t, "database", t.string("database"), "must not be empty") { !$0.isEmpty }
        return name.map { ($0, database ?? "\($0).sqlite") }
    }
}
