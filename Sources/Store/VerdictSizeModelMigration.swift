import GRDB

/// Verdict rows carry their nanocrystal size model (`size_model`, JSON; NULL when the spec names
/// no nanocrystals, and for rows stored before: never guessed).
enum VerdictSizeModelMigration {
    static let name = "v16-verdict-size-model"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "verdicts") { t in
            t.add(column: "size_model", .text)
        }
    }
}
