import Foundation
import GRDB
import Engine

extension ResultsStore {
    /// The row that answers a request for (kind, structure, requested settings, options, engine), if any.
    public func workRequest(kind: WorkRequestRecord.Kind, structureHash: String, requestedSettingsHash: String,
                            optionsHash: String = "", engine: EngineIdentity) throws -> WorkRequestRecord? {
        try pool.read { db in
            try Self.workRequest(kind.rawValue, structureHash, requestedSettingsHash, optionsHash, engine.text, db)
        }
    }

    /// A single point's stored answer, read at once (a campaign's rank 0 asks this of every task):
    /// the request row for the requested settings with the calculation it names, or, when there is
    /// none (or it names no stored row), the calculation of the plain identity.
    public func singlePointAnswer(structureHash: String, requestedSettingsHash: String,
                                  engine: EngineIdentity) throws -> (request: WorkRequestRecord?, calculation: CalculationRecord?) {
        try pool.read { db in
            if let request = try Self.workRequest(WorkRequestRecord.Kind.singlepoint.rawValue, structureHash,
                                                  requestedSettingsHash, "", engine.text, db),
               let id = request.calculationID, let calculation = try CalculationRecord.fetchOne(db, key: id) {
                return (request, calculation)
            }
            return (nil, try Self.calculation(structureHash, requestedSettingsHash, engine.text, .singlepoint, db))
        }
    }

    /// The request row with this key. A cached statement: a campaign's rank 0 looks up every task.
    static func workRequest(_ kind: String, _ structureHash: String, _ requestedSettingsHash: String,
                            _ optionsHash: String, _ engine: String, _ db: Database) throws -> WorkRequestRecord? {
        let statement = try db.cachedStatement(sql: """
            SELECT * FROM work_requests WHERE kind = ? AND structure_hash = ? AND requested_settings_hash = ?
            AND options_hash = ? AND engine = ?
            """)
        return try WorkRequestRecord.fetchOne(
            statement, arguments: [kind, structureHash, requestedSettingsHash, optionsHash, engine])
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
        let existing = try ResultsStore.workRequest(request.kind.rawValue, request.structureHash,
                                                    request.requestedSettingsHash, request.optionsHash,
                                                    request.engine, db)
        if let existing { return existing }
        var row = request
        try row.insert(db)
        return row
    }
}

extension ResultsStore {
    /// Every request row, in the order they were stored.
    public func workRequests() throws -> [WorkRequestRecord] {
        try pool.read { db in try WorkRequestRecord.order(Column("id")).fetchAll(db) }
    }
}
