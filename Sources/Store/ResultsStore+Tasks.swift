import Foundation
import GRDB

extension ResultsStore {
    /// Makes the `tasks` rows of `campaign` match the plan, in one transaction, and returns them in
    /// plan order. A task whose definition changed (other settings, level, input) starts over;
    /// an unchanged one keeps its state, so a rerun resumes where the last one stopped.
    public func syncTasks(campaign: String, planned: [TaskRecord]) throws -> [TaskRecord] {
        try pool.write { db in
            var existing: [String: TaskRecord] = [:]
            for row in try TaskRecord.filter(Column("campaign") == campaign).fetchAll(db) { existing[row.key] = row }
            return try planned.map { plan in
                guard var row = existing[plan.key] else {
                    var fresh = plan
                    try fresh.insert(db)
                    return fresh
                }
                if row.definitionHash != plan.definitionHash {
                    var reset = plan
                    reset.id = row.id
                    try reset.update(db)
                    return reset
                }
                if row.predictedSeconds != plan.predictedSeconds || row.inputHash != plan.inputHash && plan.inputHash != nil {
                    row.predictedSeconds = plan.predictedSeconds
                    row.inputHash = row.inputHash ?? plan.inputHash
                    try row.update(db)
                }
                return row
            }
        }
    }

    /// After a run died: tasks still marked running get a crash counted; at `quarantineAfter`
    /// crashes they are quarantined (reported, not retried), otherwise they run again.
    public func recoverCrashedTasks(campaign: String, quarantineAfter: Int = 2) throws -> [TaskRecord] {
        try pool.write { db in
            let running = try TaskRecord.filter(Column("campaign") == campaign && Column("state") == TaskState.running.rawValue)
                .fetchAll(db)
            return try running.map { task in
                var task = task
                task.crashes += 1
                task.state = task.crashes >= quarantineAfter ? .quarantined : .pending
                if task.state == .quarantined {
                    task.failureClass = "quarantined"
                    task.message = "was running during \(task.crashes) runs that died (a crash in the engine?); "
                        + "not retried automatically"
                }
                try task.update(db)
                return task
            }
        }
    }

    /// Saves a task row as it is now (state, result links, failure), committed on return.
    public func updateTask(_ task: TaskRecord) throws {
        try pool.write { db in try task.update(db) }
    }

    /// Updates many task rows in one transaction.
    public func updateTasks(_ tasks: [TaskRecord]) throws {
        try pool.write { db in
            for task in tasks { try task.update(db) }
        }
    }

    /// Every task of `campaign` (all campaigns when nil), in id order.
    public func tasks(campaign: String? = nil) throws -> [TaskRecord] {
        try pool.read { db in
            let request = campaign.map { TaskRecord.filter(Column("campaign") == $0) } ?? TaskRecord.all()
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// The calculation row with this id.
    public func calculation(id: Int64) throws -> CalculationRecord? {
        try pool.read { db in try CalculationRecord.fetchOne(db, key: id) }
    }
}
