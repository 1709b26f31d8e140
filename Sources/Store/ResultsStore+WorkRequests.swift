import Foundation
import GRDB
import Engine

extension ResultsStore {
    /// The row that answers a request for (kind, structure, requested settings, options, engine), if any.
    public func workRequest(kind: WorkRequestRecord.Kind, structureHash: String, requestedSettingsHash: String,
                            optionsHash: String = "", engine: EngineIdentity) throws -> WorkRequestRecord? {
        try pool.read { db in
            try WorkRequestRecord
                .filter(Column("kind") == kind.rawValue)
                .filter(Column("structure_hash") == structureHash)
                .filter(Column("requested_settings_hash") == requestedSettingsHash)
                .filter(Column("options_hash") == optionsHash)
                .filter(Column("engine") == engine.text)
                .fetchOne(db)
        }
    }

    /// The optimisation row with this id.
    public func optimization(id: Int64) throws -> OptimizationRecord? {
        try pool.read { db in try OptimizationRecord.fetchOne(db, key: id) }
    }
}

extension StoreTransaction {
    /// Saves which row answers a request (the requested settings row too, if new). When the request is
    /// stored already, that row is kept unchanged and returned: the first answer wins.
    @discardableResult
    public func saveWorkRequest(_ request: WorkRequestRecord, requestedSettings: Settings) throws -> WorkRequestRecord {
        try saveSettings(requestedSettings)
        let existing = try WorkRequestRecord
            .filter(Column("kind") == request.kind.rawValue)
            .filter(Column("structure_hash") == request.structureHash)
            .filter(Column("requested_settings_hash") == request.requestedSettingsHash)
            .filter(Column("options_hash") == request.optionsHash)
            .filter(Column("engine") == request.engine)
            .fetchOne(db)
        if let existing { return existing }
        var row = request
        try row.insert(db)
        return row
    }
}
