import Foundation
import GRDB
import Engine
import Optimization
import Structures

/// The writes of one open transaction (`ResultsStore.write`): whatever its body saves is committed
/// together, or nothing is.
///
/// The campaign coordinator commits each batch of results that reached rank 0 together (the
/// structures, optimisations, calculations and task rows of all of them) in one of these, so a
/// task row says `done` exactly when its result is stored, and a burst of results costs one commit.
public final class StoreTransaction {
    let db: Database
    private let knownSettings: SettingsRecordCache
    /// Settings rows inserted here: marked as stored once the transaction commits.
    private(set) var insertedSettings: [String] = []

    init(db: Database, knownSettings: SettingsRecordCache) {
        self.db = db
        self.knownSettings = knownSettings
    }

    /// Runs `body` in a savepoint: when it throws, only its writes are undone (and the error rethrown).
    public func isolated<T>(_ body: () throws -> T) throws -> T {
        let settingsBefore = insertedSettings.count
        var value: T?
        do {
            try db.inSavepoint {
                value = try body()
                return .commit
            }
        } catch {
            insertedSettings.removeSubrange(settingsBefore...)  // rolled back with the savepoint
            throw error
        }
        return value!
    }

    /// Saves `structure` under `hash` unless that hash is stored (the first name and source are kept).
    public func saveStructure(_ structure: Structure, hash: String, sourceFile: String?, parentHash: String? = nil) throws {
        guard try !ResultInserter.structureExists(hash, db) else { return }
        try ResultInserter.insertStructure(structure, hash: hash, sourceFile: sourceFile, parentHash: parentHash,
                                           createdAt: Date(), db)
    }

    /// Saves the structure (if new), its settings (if new) and the calculation. When the identity
    /// (structure, settings, engine of `result`, kind) is stored already, that row is returned unchanged: the first
    /// result wins.
    @discardableResult
    public func saveCalculation(of structure: Structure, hash: String, sourceFile: String?, parentHash: String? = nil,
                                settings: Settings, result: CalculationResult, kind: CalculationKind = .singlepoint,
                                runID: Int64?, startedAt: Date, finishedAt: Date, host: String,
                                version: String) throws -> CalculationRecord {
        try saveStructure(structure, hash: hash, sourceFile: sourceFile, parentHash: parentHash)
        return try insertCalculation(structureHash: hash, settings: settings, result: result, kind: kind, runID: runID,
                                     startedAt: startedAt, finishedAt: finishedAt, host: host, version: version)
    }

    /// Like `saveCalculation(of:…)` for a structure that must already be stored (else
    /// `StoreError.unknownStructure`).
    @discardableResult
    public func saveCalculation(structureHash: String, settings: Settings, result: CalculationResult,
                                kind: CalculationKind = .singlepoint, runID: Int64?, startedAt: Date, finishedAt: Date,
                                host: String, version: String) throws -> CalculationRecord {
        guard try ResultInserter.structureExists(structureHash, db) else {
            throw StoreError.unknownStructure(hash: structureHash)
        }
        return try insertCalculation(structureHash: structureHash, settings: settings, result: result, kind: kind,
                                     runID: runID, startedAt: startedAt, finishedAt: finishedAt, host: host,
                                     version: version)
    }

    /// The settings (if new) and the calculation row, or the row already stored for its identity.
    private func insertCalculation(structureHash: String, settings: Settings, result: CalculationResult,
                                   kind: CalculationKind, runID: Int64?, startedAt: Date, finishedAt: Date,
                                   host: String, version: String) throws -> CalculationRecord {
        let settingsRecord = try saveSettings(settings)
        var record = ResultsStore.calculationRecord(
            structureHash: structureHash, settingsHash: settingsRecord.hash, settings: settings, result: result,
            kind: kind, runID: runID, startedAt: startedAt, finishedAt: finishedAt, host: host, version: version)
        guard let id = try ResultInserter.insertCalculation(record, db) else {
            return try ResultsStore.calculation(structureHash, settingsRecord.hash, record.engine, kind, db) ?? record
        }
        record.id = id
        // The dates as a later lookup reads them (stored to the millisecond).
        record.startedAt = DatabaseTimestamp.stored(startedAt)
        record.finishedAt = DatabaseTimestamp.stored(finishedAt)
        return record
    }

    /// Saves the settings row unless this store knows it is stored; returns the row.
    @discardableResult
    public func saveSettings(_ settings: Settings) throws -> SettingsRecord {
        let record = try knownSettings.record(for: settings)
        if !knownSettings.isStored(record.hash) {
            try ResultInserter.insertSettings(record, db)
            insertedSettings.append(record.hash)
        }
        return record
    }

    /// Saves a finished optimisation: the output structure (its parent the input, named
    /// "<input>-opt", or "<input>-opt-unconverged"), the settings, the optimisation row and one
    /// row per cycle. The input structure must be stored. When the identity (input, settings,
    /// options hash, engine of the result) is stored already, that row is returned unchanged: the first result wins.
    @discardableResult
    public func saveOptimization(inputHash: String, settings: Settings, identity: OptimizationIdentity,
                                 freezeSpec: String, outcome: OptimizationOutcome, runID: Int64?,
                                 startedAt: Date, finishedAt: Date, host: String,
                                 version: String) throws -> OptimizationRecord {
        let settingsRecord = try saveSettings(settings)
        let engine = EngineIdentity(provenance: outcome.result.engine).text
        if let existing = try ResultsStore.optimization(inputHash, settingsRecord.hash, identity.hash, engine, db) {
            return existing
        }
        guard try StructureRecord.exists(db, key: inputHash) else { throw StoreError.unknownStructure(hash: inputHash) }
        var output = outcome.structure
        output.name = outcome.converged ? "\(output.name)-opt" : "\(output.name)-opt-unconverged"
        let outputHash = output.contentHash
        try saveStructure(output, hash: outputHash, sourceFile: nil, parentHash: outputHash == inputHash ? nil : inputHash)
        var record = OptimizationRecord(
            id: nil, inputHash: inputHash, settingsHash: settingsRecord.hash, optionsHash: identity.hash,
            optionsText: identity.canonicalText, engine: engine, level: outcome.level, maxCycles: outcome.maxCycles,
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
            try OptimizationStepRecord(optimizationID: id, step: step).insert(db)
        }
        // As stored (dates at SQLite's precision), so this equals later cache lookups.
        return try OptimizationRecord.fetchOne(db, key: id) ?? record
    }

    /// Records a failure. `failureClass` is a stable name such as `StructureError.Kind.rawValue`.
    @discardableResult
    public func saveFailure(source: String, structureHash: String?, settingsHash: String?, failureClass: String,
                            message: String, runID: Int64?, host: String, at: Date = Date()) throws -> FailureRecord {
        var record = FailureRecord(id: nil, structureHash: structureHash, settingsHash: settingsHash, source: source,
                                   failureClass: failureClass, message: message, host: host, runID: runID, at: at)
        try record.insert(db)
        return record
    }

    /// Saves task rows as they are now (state, result links, failure).
    public func updateTasks(_ tasks: [TaskRecord]) throws {
        for task in tasks { try TaskRows.update(task, db) }
    }
}

extension ResultsStore {
    /// True when `error` says the database itself cannot be written (full disk, I/O error, a
    /// read-only or corrupt file, a lock held too long), not that one row was wrong: a run that
    /// meets one must stop rather than fail its tasks.
    public static func isStorageFailure(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        let storage: [ResultCode] = [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY,
                                     .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_CANTOPEN, .SQLITE_NOMEM,
                                     .SQLITE_PROTOCOL, .SQLITE_PERM, .SQLITE_NOLFS]
        return storage.contains(error.resultCode)
    }

    /// Runs `body` in one IMMEDIATE transaction, committed before this returns; an error rolls
    /// everything back and is rethrown.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        var inserted: [String] = []
        let value = try commitTransaction { db -> T in
            let transaction = StoreTransaction(db: db, knownSettings: knownSettings)
            let value = try body(transaction)
            inserted = transaction.insertedSettings
            return value
        }
        for hash in inserted { knownSettings.markStored(hash) }
        return value
    }
}
