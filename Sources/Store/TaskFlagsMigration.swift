import Foundation
import GRDB

/// `tasks.flags` from comma-joined text ("a,b: detail") to a JSON array of flag texts, so readers
/// decode a list instead of splitting text. Details never held a comma (the writer replaced
/// commas in them with semicolons), so splitting the old text is exact.
enum TaskFlagsMigration {
    static let name = "v12-task-flags"

    static func migrate(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, flags FROM tasks WHERE flags IS NOT NULL AND flags NOT LIKE '[%'")
        for row in rows {
            let id: Int64 = row["id"]
            let text: String = row["flags"]
            let flags = text.split(separator: ",").map { TaskFlag(text: String($0)) }
            try db.execute(sql: "UPDATE tasks SET flags = ? WHERE id = ?", arguments: [flags.storedText, id])
        }
    }
}
