import Foundation
import GRDB
import Engine

extension ResultsStore {
    /// The stored calculation for (structure, settings, kind), if any: the cache lookup.
    public func cachedCalculation(structureHash: String, settingsHash: String,
                                  kind: CalculationKind = .singlepoint) throws -> CalculationRecord? {
        try pool.read { db in try Self.calculation(structureHash, settingsHash, kind, db) }
    }

    /// Saves a finished calculation (and its settings) in one transaction, committed before
    /// this returns. The structure must have been saved.
    ///
    /// (structure, settings, kind) is unique: when a row already exists (another rank, a resumed
    /// run) it is kept unchanged and returned — the first result wins, the new one is dropped.
    @discardableResult
    public func saveCalculation(structureHash: String, settings: Settings, result: CalculationResult,
                                kind: CalculationKind = .singlepoint, runID: Int64?,
                                startedAt: Date, finishedAt: Date, host: String,
                                version: String) throws -> CalculationRecord {
        let settingsRecord = try SettingsRecord(settings)
        let record = CalculationRecord(
            id: nil, structureHash: structureHash, settingsHash: settingsRecord.hash, kind: kind,
            method: settings.method.rawValue, energyHartree: result.energy, gradient: result.gradient,
            gradientNorm: result.gradientNorm, charges: result.charges, gapEV: result.gapEV,
            sccIterations: result.sccIterations, sccConverged: result.sccConverged,
            wallSeconds: result.wallSeconds, engineVersion: result.engine, interscreenVersion: version,
            host: host, runID: runID, startedAt: startedAt, finishedAt: finishedAt)
        return try pool.write { db in
            if let existing = try Self.calculation(structureHash, settingsRecord.hash, kind, db) { return existing }
            guard try StructureRecord.exists(db, key: structureHash) else {
                throw StoreError.unknownStructure(hash: structureHash)
            }
            _ = try Self.upsertSettings(settingsRecord, db)
            var record = record
            try record.insert(db)
            // Return the row as stored (dates at SQLite's millisecond precision), so that this
            // value equals what later cache lookups return.
            return try CalculationRecord.fetchOne(db, key: record.id) ?? record
        }
    }

    static func calculation(_ structureHash: String, _ settingsHash: String, _ kind: CalculationKind,
                            _ db: Database) throws -> CalculationRecord? {
        try CalculationRecord
            .filter(Column("structure_hash") == structureHash)
            .filter(Column("settings_hash") == settingsHash)
            .filter(Column("kind") == kind.rawValue)
            .fetchOne(db)
    }
}
