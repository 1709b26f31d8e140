import Foundation
import GRDB

extension ResultsStore {
    /// Records a failure (committed before this returns). `failureClass` is a stable name such
    /// as `StructureError.Kind.rawValue` or `EngineError.Kind.rawValue`.
    @discardableResult
    public func saveFailure(source: String, structureHash: String?, settingsHash: String?,
                            failureClass: String, message: String, runID: Int64?, host: String,
                            at: Date = Date()) throws -> FailureRecord {
        var record = FailureRecord(id: nil, structureHash: structureHash, settingsHash: settingsHash,
                                   source: source, failureClass: failureClass, message: message,
                                   host: host, runID: runID, at: at)
        try pool.write { db in try record.insert(db) }
        return record
    }
}
