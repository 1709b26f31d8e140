import Foundation
import GRDB
import Engine
import Structures

extension ResultsStore {
    /// The stored calculation for (structure, settings, engine, kind), if any: the cache lookup.
    public func cachedCalculation(structureHash: String, settingsHash: String, engine: EngineIdentity,
                                  kind: CalculationKind = .singlepoint) throws -> CalculationRecord? {
        try pool.read { db in try Self.calculation(structureHash, settingsHash, engine.text, kind, db) }
    }

    /// Saves a finished calculation (and its settings) in one transaction, committed before
    /// this returns. The structure must have been saved.
    ///
    /// (structure, settings, engine, kind) is unique; the engine is the identity of `result.engine`: when a row already exists (another rank, a resumed
    /// run) it is kept unchanged and returned — the first result wins, the new one is dropped.
    @discardableResult
    public func saveCalculation(structureHash: String, settings: Settings, result: CalculationResult,
                                kind: CalculationKind = .singlepoint, runID: Int64?,
                                startedAt: Date, finishedAt: Date, host: String,
                                version: String) throws -> CalculationRecord {
        try write { transaction in
            try transaction.saveCalculation(structureHash: structureHash, settings: settings, result: result, kind: kind,
                                            runID: runID, startedAt: startedAt, finishedAt: finishedAt, host: host,
                                            version: version)
        }
    }

    /// Saves the structure (if new) and its calculation in one transaction: one commit per result.
    ///
    /// The campaign's hot path (`ResultInserter`: cached statements bound by hand, no read-back;
    /// the settings row is inserted once per store). When the identity already exists, the stored
    /// row is returned unchanged (the first result wins).
    @discardableResult
    public func saveCalculation(of structure: Structure, hash: String, sourceFile: String?, parentHash: String? = nil,
                                settings: Settings, result: CalculationResult,
                                kind: CalculationKind = .singlepoint, runID: Int64?, startedAt: Date,
                                finishedAt: Date, host: String, version: String) throws -> CalculationRecord {
        try write { transaction in
            try transaction.saveCalculation(of: structure, hash: hash, sourceFile: sourceFile, parentHash: parentHash,
                                            settings: settings, result: result, kind: kind, runID: runID,
                                            startedAt: startedAt, finishedAt: finishedAt, host: host, version: version)
        }
    }

    static func calculationRecord(structureHash: String, settingsHash: String, settings: Settings,
                                  result: CalculationResult, kind: CalculationKind, runID: Int64?,
                                  startedAt: Date, finishedAt: Date, host: String,
                                  version: String) -> CalculationRecord {
        CalculationRecord(
            id: nil, structureHash: structureHash, settingsHash: settingsHash, kind: kind,
            engine: EngineIdentity(provenance: result.engine).text,
            method: settings.method.rawValue, energyHartree: result.energy, gradient: result.gradient,
            gradientNorm: result.gradientNorm, charges: result.charges, gapEV: result.gapEV,
            sccIterations: result.sccIterations, sccConverged: result.sccConverged,
            wallSeconds: result.wallSeconds, engineVersion: result.engine, interscreenVersion: version,
            host: host, runID: runID, startedAt: startedAt, finishedAt: finishedAt)
    }

    static func calculation(_ structureHash: String, _ settingsHash: String, _ engine: String,
                            _ kind: CalculationKind, _ db: Database) throws -> CalculationRecord? {
        // A cached statement: resuming a campaign looks up every pending single point.
        let statement = try db.cachedStatement(sql:
            "SELECT * FROM calculations WHERE structure_hash = ? AND settings_hash = ? AND engine = ? AND kind = ?")
        return try CalculationRecord.fetchOne(statement, arguments: [structureHash, settingsHash, engine, kind.rawValue])
    }
}
