import Foundation
import GRDB

extension ResultsStore {
    /// Makes the `tasks` rows of `campaign` match the plan, in one transaction, and returns them in
    /// plan order. A task whose definition changed (other settings, level, input) starts over;
    /// an unchanged one keeps its state, so a rerun resumes where the last one stopped.
    public func syncTasks(campaign: String, planned: [TaskRecord]) throws -> [TaskRecord] {
        try commitTransaction { db in
            let stored = try TaskRows.fetch(campaign: campaign, expected: planned.count, db)
            // Usually the plan lists the stored rows in the same order: match by position, and
            // index the keys only when it does not.
            var byKey: [String: Int]?
            func storedIndex(_ position: Int, _ key: String) -> Int? {
                if byKey == nil, position < stored.count, stored[position].key == key { return position }
                if byKey == nil {
                    byKey = Dictionary(stored.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
                }
                return byKey?[key]
            }
            var synced: [TaskRecord] = []
            synced.reserveCapacity(planned.count)
            for (position, plan) in planned.enumerated() {
                guard let index = storedIndex(position, plan.key) else {
                    var fresh = plan
                    try TaskRows.insert(&fresh, db)
                    synced.append(fresh)
                    continue
                }
                if stored[index].definitionHash != plan.definitionHash {
                    var reset = plan
                    reset.id = stored[index].id
                    try TaskRows.update(reset, db)
                    synced.append(reset)
                    continue
                }
                synced.append(stored[index])
                let row = synced.count - 1
                if synced[row].predictedSeconds != plan.predictedSeconds
                    || synced[row].inputHash != plan.inputHash && plan.inputHash != nil {
                    synced[row].predictedSeconds = plan.predictedSeconds
                    synced[row].inputHash = synced[row].inputHash ?? plan.inputHash
                    try TaskRows.update(synced[row], db)
                }
            }
            return synced
        }
    }

    /// After a run died: the tasks it left `running` go back to pending. Whether that counts a
    /// crash against a task depends on where that run's engine computed (`runs.engine_isolation`):
    /// - "isolated": a crash in the engine kills only a helper process and is reported as the
    ///   task's crash when it happens (the coordinator counts it), so a task still `running` was merely running
    ///   when the whole job died (walltime kill, preemption, node loss, the launcher's OOM kill):
    ///   nothing is counted against it;
    /// - in-process, or unknown (runs of older versions): the task may have been the cause, so a
    ///   crash is counted; at `quarantineAfter` crashes it is quarantined (reported, not retried).
    /// Returns the rows changed.
    public func recoverCrashedTasks(campaign: String, quarantineAfter: Int = 2) throws -> [TaskRecord] {
        try pool.write { db in
            let running = try TaskRecord.filter(Column("campaign") == campaign && Column("state") == TaskState.running.rawValue)
                .fetchAll(db)
            let isolatedRuns = try Self.isolatedRuns(ids: Set(running.compactMap(\.runID)), db)
            return try running.map { task in
                var task = task
                if let run = task.runID, isolatedRuns.contains(run) {
                    task.state = .pending
                    task.message = "the run that computed it (\(run)) died as a whole (killed, preempted, out of memory); "
                        + "no crash counted"
                } else {
                    task.crashes += 1
                    task.state = task.crashes >= quarantineAfter ? .quarantined : .pending
                }
                if task.state == .quarantined {
                    task.failureClass = "quarantined"
                    task.message = "was running during \(task.crashes) runs that died (a crash in the engine?); "
                        + "not retried automatically"
                }
                try TaskRows.update(task, db)
                return task
            }
        }
    }

    /// Of the runs `ids`, those whose engine computed in helper processes.
    private static func isolatedRuns(ids: Set<Int64>, _ db: Database) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let rows = try RunRecord.filter(ids.contains(Column("id")) && Column("engine_isolation") == "isolated")
            .fetchAll(db)
        return Set(rows.compactMap(\.id))
    }

    /// Saves a task row as it is now (state, result links, failure), committed on return.
    public func updateTask(_ task: TaskRecord) throws {
        try updateTasks([task])
    }

    /// Updates many task rows in one transaction.
    public func updateTasks(_ tasks: [TaskRecord]) throws {
        try write { try $0.updateTasks(tasks) }
    }

    /// Every task of `campaign` (all campaigns when nil), in id order.
    public func tasks(campaign: String? = nil) throws -> [TaskRecord] {
        try pool.read { db in try TaskRows.fetch(campaign: campaign, expected: 0, db) }
    }

    /// The calculation row with this id.
    public func calculation(id: Int64) throws -> CalculationRecord? {
        try pool.read { db in try CalculationRecord.fetchOne(db, key: id) }
    }
}
