import Foundation
import GRDB

/// Merges results databases (e.g. the shards of a campaign) into one, losing nothing.
///
/// Every row is deduplicated by its identity: structures and settings by hash; calculations by
/// (structure, settings, engine, kind); optimisations by (input, settings, options, engine); runs by (command,
/// host, pid, start); failures by all they say; tasks by (campaign, key); reactions by (campaign,
/// name); work requests by (kind, structure, requested settings, options, engine); nanocrystals by structure hash. Row ids are remapped. The same identity with different content (energies differing by
/// more than `tolerance`, a task planned from another definition) is a conflict: the target's row
/// is kept and the conflict reported. Merging the same database again changes nothing.
/// Each source is merged in one transaction.
public struct StoreMerger {
    /// The database merged into.
    public let target: ResultsStore
    /// Largest energy difference (Eh) between rows of the same identity that is not a conflict.
    public var tolerance: Double

    /// Tables merged here; any other table with rows is reported as not merged.
    static let mergedTables: Set<String> = ["runs", "structures", "settings", "calculations", "optimizations",
                                            "optimization_steps", "failures", "tasks", "reactions", "campaign_definitions",
                                            "work_requests", "nanocrystals", "grdb_migrations"]

    public init(target: ResultsStore, tolerance: Double = 1e-8) {
        self.target = target
        self.tolerance = tolerance
    }

    /// Merges the database at `path` into `target`.
    public func merge(path: String) throws -> MergeReport {
        let source = try ResultsStore.open(path: path, access: .read)
        let rows = try source.pool.read { db in try SourceRows(db) }
        var report = MergeReport(source: path)
        report.notMerged = rows.unmerged
        try target.pool.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let runs = try mergeRuns(rows.runs, db, &report)
            for row in rows.structures { report.count("structures", try copyIfNew(row, "structures", db)) }
            for row in rows.settings { report.count("settings", try copyIfNew(row, "settings", db)) }
            let calculations = try mergeCalculations(rows.calculations, runs: runs, db, &report)
            let optimizations = try mergeOptimizations(rows.optimizations, steps: rows.optimizationSteps, runs: runs, db,
                                                       &report)
            try mergeFailures(rows.failures, runs: runs, db, &report)
            try mergeTasks(rows.tasks, calculations: calculations, runs: runs, db, &report)
            try mergeReactions(rows.reactions, calculations: calculations, db, &report)
            try mergeDefinitions(rows.definitions, db, &report)
            try mergeWorkRequests(rows.workRequests, calculations: calculations, optimizations: optimizations, db,
                                  &report)
            for row in rows.nanocrystals { report.count("nanocrystals", try copyIfNew(row, "nanocrystals", db)) }
        }
        return report
    }

    /// Inserts a row keyed by a unique column unless the key exists.
    private func copyIfNew(_ row: Row, _ table: String, _ db: Database) throws -> RowOutcome {
        try MergeRows.insert(row, into: table, orIgnore: true, db) == nil ? .present : .added
    }
}

/// A source database read in one transaction.
struct SourceRows {
    var runs, structures, settings, calculations, optimizations, optimizationSteps, failures, tasks, reactions: [Row]
    var definitions: [Row]
    /// Requested → used settings (`work_requests`; none in a database older than v13).
    var workRequests: [Row]
    /// How blocks were cut (`nanocrystals`, by structure hash; none in a database older than v15).
    var nanocrystals: [Row]
    /// Row counts of tables the merge does not know.
    var unmerged: [String: Int] = [:]

    init(_ db: Database) throws {
        runs = try MergeRows.all("runs", db)
        structures = try MergeRows.all("structures", db)
        settings = try MergeRows.all("settings", db)
        calculations = try MergeRows.all("calculations", db)
        optimizations = try MergeRows.all("optimizations", db)
        optimizationSteps = try Row.fetchAll(db, sql: "SELECT * FROM optimization_steps ORDER BY optimization_id, cycle")
        failures = try MergeRows.all("failures", db)
        tasks = try MergeRows.all("tasks", db)
        reactions = try MergeRows.all("reactions", db)
        definitions = try Row.fetchAll(db, sql: "SELECT * FROM campaign_definitions ORDER BY campaign")
        workRequests = try db.tableExists("work_requests") ? MergeRows.all("work_requests", db) : []
        nanocrystals = try db.tableExists("nanocrystals") ? MergeRows.all("nanocrystals", db) : []
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for table in tables where !StoreMerger.mergedTables.contains(table) {
            let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0
            if n > 0 { unmerged[table] = n }
        }
    }
}
