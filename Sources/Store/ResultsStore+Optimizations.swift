import Foundation
import GRDB
import Engine
import Structures

extension ResultsStore {
    /// The stored optimisation with this identity, if any: the cache lookup of `interscreen opt`.
    public func cachedOptimization(inputHash: String, settingsHash: String,
                                   optionsHash: String) throws -> OptimizationRecord? {
        try pool.read { db in try Self.optimization(inputHash, settingsHash, optionsHash, db) }
    }

    /// Saves a finished optimisation in one transaction, committed before this returns: the
    /// output structure (with `parent_hash` = `inputHash`; named "<input>-opt", or
    /// "<input>-opt-unconverged" when the optimisation did not converge), the settings, the
    /// optimisation row and one row per cycle. The input structure must have been saved.
    ///
    /// The identity (input, settings, options hash) is unique: when a row already exists it is
    /// kept unchanged and returned — the first result wins.
    @discardableResult
    public func saveOptimization(inputHash: String, settings: Settings, identity: OptimizationIdentity,
                                 freezeSpec: String, outcome: OptimizationOutcome, runID: Int64?,
                                 startedAt: Date, finishedAt: Date, host: String,
                                 version: String) throws -> OptimizationRecord {
        let settingsRecord = try SettingsRecord(settings)
        var output = outcome.structure
        output.name = outcome.converged ? "\(output.name)-opt" : "\(output.name)-opt-unconverged"
        let outputHash = output.contentHash
        return try pool.write { db in
            if let existing = try Self.optimization(inputHash, settingsRecord.hash, identity.hash, db) {
                return existing
            }
            guard try StructureRecord.exists(db, key: inputHash) else {
                throw StoreError.unknownStructure(hash: inputHash)
            }
            _ = try Self.upsertSettings(settingsRecord, db)
            if try !StructureRecord.exists(db, key: outputHash) {
                let parent = outputHash == inputHash ? nil : inputHash
                try StructureRecord(output, hash: outputHash, sourceFile: nil, parentHash: parent).insert(db)
            }
            var record = OptimizationRecord(
                id: nil, inputHash: inputHash, settingsHash: settingsRecord.hash, optionsHash: identity.hash,
                optionsText: identity.canonicalText, level: outcome.level.rawValue, maxCycles: outcome.maxCycles,
                freezeSpec: freezeSpec, frozenAtoms: outcome.frozenAtoms, constraintsKey: identity.constraintsKey,
                outputHash: outputHash, status: outcome.status.rawValue, converged: outcome.converged,
                energyHartree: outcome.result.energy, gradientNorm: outcome.gradientNorm, cycles: outcome.cycles,
                gradientEvaluations: outcome.gradientEvaluations, failedEvaluations: outcome.failedEvaluations,
                raisedMaxIterations: outcome.raisedMaxIterations, notes: outcome.notes.joined(separator: "\n"),
                wallSeconds: outcome.wallSeconds, engineVersion: outcome.result.engine, interscreenVersion: version,
                host: host, runID: runID, startedAt: startedAt, finishedAt: finishedAt)
            try record.insert(db)
            guard let id = record.id else { throw StoreError.corruptRow(table: "optimizations", key: "?", "no row id") }
            for step in outcome.steps {
                try OptimizationStepRecord(
                    optimizationID: id, cycle: step.cycle, energyHartree: step.energy, gradientNorm: step.gradientNorm,
                    energyChange: step.energyChange, predictedChange: step.predictedChange,
                    stepLength: step.stepLength, trustRadius: step.trustRadius, accepted: step.accepted,
                    sccIterationLimit: step.sccIterationLimit, note: step.note, wallSeconds: step.wallSeconds,
                    positions: step.positions.map { [$0.x, $0.y, $0.z] }).insert(db)
            }
            // As stored (dates at SQLite's precision), so this equals later cache lookups.
            return try OptimizationRecord.fetchOne(db, key: id) ?? record
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

    static func optimization(_ inputHash: String, _ settingsHash: String, _ optionsHash: String,
                             _ db: Database) throws -> OptimizationRecord? {
        try OptimizationRecord
            .filter(Column("input_hash") == inputHash)
            .filter(Column("settings_hash") == settingsHash)
            .filter(Column("options_hash") == optionsHash)
            .fetchOne(db)
    }
}
