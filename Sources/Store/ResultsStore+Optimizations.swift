import Foundation
import GRDB
import Engine
import Optimization
import Structures

extension ResultsStore {
    /// The stored optimisation with this identity, if any: the cache lookup of `interscreen opt`.
    public func cachedOptimization(inputHash: String, settingsHash: String, optionsHash: String,
                                   engine: EngineIdentity) throws -> OptimizationRecord? {
        try pool.read { db in try Self.optimization(inputHash, settingsHash, optionsHash, engine.text, db) }
    }

    /// Saves a finished optimisation in one transaction, committed before this returns: the
    /// output structure (with `parent_hash` = `inputHash`; named "<input>-opt", or
    /// "<input>-opt-unconverged" when the optimisation did not converge), the settings, the
    /// optimisation row and one row per cycle. The input structure must have been saved.
    ///
    /// The identity (input, settings, options hash, engine of the result) is unique: when a row already exists it is
    /// kept unchanged and returned — the first result wins.
    @discardableResult
    public func saveOptimization(inputHash: String, settings: Settings, identity: OptimizationIdentity,
                                 freezeSpec: String, outcome: OptimizationOutcome, runID: Int64?,
                                 startedAt: Date, finishedAt: Date, host: String,
                                 version: String) throws -> OptimizationRecord {
        try write { transaction in
            try transaction.saveOptimization(inputHash: inputHash, settings: settings, identity: identity,
                                             freezeSpec: freezeSpec, outcome: outcome, runID: runID,
                                             startedAt: startedAt, finishedAt: finishedAt, host: host, version: version)
        }
    }

    /// The cycles of optimisation `id`, in order.
    public func optimizationSteps(id: Int64) throws -> [OptimizationStepRecord] {
        try pool.read { db in
            try OptimizationStepRecord.filter(Column("optimization_id") == id).order(Column("cycle")).fetchAll(db)
        }
    }

    /// All optimisation rows, in insertion order.
    public func optimizations() throws -> [OptimizationRecord] {
        try pool.read { db in try OptimizationRecord.order(Column("id")).fetchAll(db) }
    }

    static func optimization(_ inputHash: String, _ settingsHash: String, _ optionsHash: String, _ engine: String,
                             _ db: Database) throws -> OptimizationRecord? {
        try OptimizationRecord
            .filter(Column("input_hash") == inputHash)
            .filter(Column("settings_hash") == settingsHash)
            .filter(Column("options_hash") == optionsHash)
            .filter(Column("engine") == engine)
            .fetchOne(db)
    }
}
