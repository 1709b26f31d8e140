import Foundation
import GRDB

extension StoreMerger {
    /// Task rows by (campaign, key). A source row replaces the target's only when it is further
    /// along (done beats failed, blocked or quarantined, which beat pending or running).
    func mergeTasks(_ rows: [Row], calculations: [Int64: Int64], runs: [Int64: Int64], _ db: Database,
                    _ report: inout MergeReport) throws {
        let lookup = try db.cachedStatement(sql: "SELECT * FROM tasks WHERE campaign = ? AND key = ?")
        for row in rows {
            let campaign: String = row["campaign"], key: String = row["key"]
            let overrides = ["calculation_id": MergeRows.mapped(row["calculation_id"], calculations),
                             "run_id": MergeRows.mapped(row["run_id"], runs)]
            guard let existing = try Row.fetchOne(lookup, arguments: [campaign, key]) else {
                try MergeRows.insert(row, into: "tasks", overrides: overrides, db)
                report.count("tasks", .added)
                continue
            }
            let identity = "\(campaign) \(key)"
            let ours: String = existing["definition_hash"], theirs: String = row["definition_hash"]
            guard ours == theirs else {
                report.count("tasks", .present)
                report.conflicts.append(MergeConflict(table: "tasks", identity: identity,
                    detail: "planned from different definitions (\(ours) in the target, \(theirs) in the source)"))
                continue
            }
            if Self.progress(row["state"]) > Self.progress(existing["state"]) {
                try MergeRows.replace(id: existing["id"], in: "tasks", with: row, overrides: overrides, db)
                report.count("tasks", .replaced)
                continue
            }
            report.count("tasks", .present)
            let mine = Int64.fromDatabaseValue(existing["calculation_id"])
            let other = Int64.fromDatabaseValue(overrides["calculation_id"] ?? .null)
            if let mine, let other, mine != other, let a = try energy(mine, db), let b = try energy(other, db),
               abs(a - b) > tolerance {
                report.conflicts.append(MergeConflict(table: "tasks", identity: identity,
                    detail: "done with different results: " + Self.energies(target: a, source: b)))
            }
        }
    }

    /// Reactions by (campaign, name), their species' calculation ids remapped. A done source row
    /// replaces one that is not done; two done rows must agree within the tolerance.
    func mergeReactions(_ rows: [Row], calculations: [Int64: Int64], _ db: Database,
                        _ report: inout MergeReport) throws {
        let lookup = try db.cachedStatement(sql: "SELECT * FROM reactions WHERE campaign = ? AND name = ?")
        for row in rows {
            let campaign: String = row["campaign"], name: String = row["name"]
            let species = try Self.remapSpecies(row["species"], calculations)
            guard let existing = try Row.fetchOne(lookup, arguments: [campaign, name]) else {
                try MergeRows.insert(row, into: "reactions", overrides: ["species": species], db)
                report.count("reactions", .added)
                continue
            }
            let ours: String = existing["status"], theirs: String = row["status"]
            if ours != "done", theirs == "done" {
                try MergeRows.replace(id: existing["id"], in: "reactions", with: row, overrides: ["species": species], db)
                report.count("reactions", .replaced)
                continue
            }
            report.count("reactions", .present)
            if ours == "done", theirs == "done", let a = Double.fromDatabaseValue(existing["energy_hartree"]),
               let b = Double.fromDatabaseValue(row["energy_hartree"]), abs(a - b) > tolerance {
                report.conflicts.append(MergeConflict(table: "reactions", identity: "\(campaign) \(name)",
                                                      detail: Self.energies(target: a, source: b)))
            }
        }
    }

    /// The species JSON with each calculation id mapped to the target's.
    static func remapSpecies(_ value: DatabaseValue, _ calculations: [Int64: Int64]) throws -> DatabaseValue {
        guard let text = String.fromDatabaseValue(value) else { return value }
        var species = try JSONDecoder().decode([ReactionRecord.Species].self, from: Data(text.utf8))
        for i in species.indices { species[i].calculationID = calculations[species[i].calculationID] ?? species[i].calculationID }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(species), as: UTF8.self).databaseValue
    }

    /// Done 2; failed, blocked, quarantined 1; pending, running 0.
    static func progress(_ state: String) -> Int {
        switch state {
        case TaskState.done.rawValue: 2
        case TaskState.failed.rawValue, TaskState.blocked.rawValue, TaskState.quarantined.rawValue: 1
        default: 0
        }
    }

    private func energy(_ calculation: Int64, _ db: Database) throws -> Double? {
        try Double.fetchOne(db, sql: "SELECT energy_hartree FROM calculations WHERE id = ?", arguments: [calculation])
    }
}

extension StoreMerger {
    /// Campaign definitions by campaign: copied when new; the same campaign defined differently
    /// (the spec changed between shards) is a conflict and the target's is kept.
    func mergeDefinitions(_ rows: [Row], _ db: Database, _ report: inout MergeReport) throws {
        for row in rows {
            let campaign: String = row["campaign"], theirs: String = row["definition"]
            guard let ours = try String.fetchOne(db, sql: "SELECT definition FROM campaign_definitions WHERE campaign = ?",
                                                 arguments: [campaign]) else {
                try db.execute(sql: "INSERT INTO campaign_definitions (campaign, definition, stored_at) VALUES (?, ?, ?)",
                               arguments: [campaign, theirs, row["stored_at"]])
                report.count("campaign_definitions", .added)
                continue
            }
            report.count("campaign_definitions", .present)
            if ours != theirs {
                report.conflicts.append(MergeConflict(table: "campaign_definitions", identity: campaign,
                    detail: "defined differently (the spec changed between runs); the target's definition is kept"))
            }
        }
    }
}
