import GRDB

extension StoreMerger {
    /// Runs by (command, host, pid, start); returns source id → target id.
    func mergeRuns(_ rows: [Row], _ db: Database, _ report: inout MergeReport) throws -> [Int64: Int64] {
        let identity = ["command", "host", "pid", "started_at"]
        var known: [String: Int64] = [:]
        for row in try MergeRows.all("runs", db) { known[MergeRows.key(row, identity)] = row["id"] }
        var map: [Int64: Int64] = [:]
        for row in rows {
            let key = MergeRows.key(row, identity)
            if let id = known[key] {
                map[row["id"]] = id
                report.count("runs", .present)
            } else if let id = try MergeRows.insert(row, into: "runs", db) {
                known[key] = id
                map[row["id"]] = id
                report.count("runs", .added)
            }
        }
        return map
    }

    /// Calculations by (structure, settings, engine, kind); returns source id → target id.
    func mergeCalculations(_ rows: [Row], runs: [Int64: Int64], _ db: Database,
                           _ report: inout MergeReport) throws -> [Int64: Int64] {
        let lookup = try db.cachedStatement(sql:
            "SELECT id, energy_hartree FROM calculations WHERE structure_hash = ? AND settings_hash = ? AND engine = ? AND kind = ?")
        var map: [Int64: Int64] = [:]
        for row in rows {
            let structure: String = row["structure_hash"], settings: String = row["settings_hash"], kind: String = row["kind"]
            let engine: String = row["engine"], energy: Double = row["energy_hartree"]
            if let existing = try Row.fetchOne(lookup, arguments: [structure, settings, engine, kind]) {
                map[row["id"]] = existing["id"]
                report.count("calculations", .present)
                let theirs: Double = existing["energy_hartree"]
                if abs(theirs - energy) > tolerance {
                    report.conflicts.append(MergeConflict(
                        table: "calculations", identity: "structure \(structure), settings \(settings), \(engine), \(kind)",
                        detail: Self.energies(target: theirs, source: energy)))
                }
            } else if let id = try MergeRows.insert(row, into: "calculations",
                                                    overrides: ["run_id": MergeRows.mapped(row["run_id"], runs)], db) {
                map[row["id"]] = id
                report.count("calculations", .added)
            }
        }
        return map
    }

    /// Optimisations by (input, settings, options, engine), with their cycles; returns source id → target id.
    @discardableResult
    func mergeOptimizations(_ rows: [Row], steps: [Row], runs: [Int64: Int64], _ db: Database,
                            _ report: inout MergeReport) throws -> [Int64: Int64] {
        var map: [Int64: Int64] = [:]
        let stepsOf = Dictionary(grouping: steps) { (row: Row) -> Int64 in row["optimization_id"] }
        let lookup = try db.cachedStatement(sql:
            "SELECT id, energy_hartree FROM optimizations WHERE input_hash = ? AND settings_hash = ? AND options_hash = ? AND engine = ?")
        for row in rows {
            let input: String = row["input_hash"], settings: String = row["settings_hash"], options: String = row["options_hash"]
            let engine: String = row["engine"], energy: Double = row["energy_hartree"]
            if let existing = try Row.fetchOne(lookup, arguments: [input, settings, options, engine]) {
                map[row["id"]] = existing["id"]
                report.count("optimizations", .present)
                let theirs: Double = existing["energy_hartree"]
                if abs(theirs - energy) > tolerance {
                    report.conflicts.append(MergeConflict(
                        table: "optimizations", identity: "input \(input), settings \(settings), options \(options), \(engine)",
                        detail: Self.energies(target: theirs, source: energy)))
                }
                continue
            }
            guard let id = try MergeRows.insert(row, into: "optimizations",
                                                overrides: ["run_id": MergeRows.mapped(row["run_id"], runs)], db) else { continue }
            map[row["id"]] = id
            report.count("optimizations", .added)
            for step in stepsOf[row["id"]] ?? [] {
                try MergeRows.insert(step, into: "optimization_steps", overrides: ["optimization_id": id.databaseValue], db)
                report.count("optimization_steps", .added)
            }
        }
        return map
    }

    /// Failures by everything they record (source, hashes, class, message, host, time).
    func mergeFailures(_ rows: [Row], runs: [Int64: Int64], _ db: Database, _ report: inout MergeReport) throws {
        let identity = ["source", "structure_hash", "settings_hash", "failure_class", "message", "host", "at"]
        var known = Set(try MergeRows.all("failures", db).map { MergeRows.key($0, identity) })
        for row in rows {
            guard known.insert(MergeRows.key(row, identity)).inserted else {
                report.count("failures", .present)
                continue
            }
            try MergeRows.insert(row, into: "failures", overrides: ["run_id": MergeRows.mapped(row["run_id"], runs)], db)
            report.count("failures", .added)
        }
    }

    static func energies(target: Double, source: Double) -> String {
        "energy \(target) Eh in the target, \(source) Eh in the source (Δ \(abs(target - source)) Eh)"
    }
}
