import Foundation
import Engine
import Structures
import GRDB

extension ResultsStore {
    /// Records a failure (committed before this returns). `failureClass` is a stable name such
    /// as `StructureError.Kind.rawValue` or `EngineError.Kind.rawValue`.
    @discardableResult
    public func saveFailure(source: String, structureHash: String?, settingsHash: String?,
                            failureClass: String, message: String, runID: Int64?, host: String,
                            at: Date = Date()) throws -> FailureRecord {
        try write { transaction in
            try transaction.saveFailure(source: source, structureHash: structureHash, settingsHash: settingsHash,
                                        failureClass: failureClass, message: message, runID: runID, host: host, at: at)
        }
    }
}

extension ResultsStore {
    /// Records `error` as a failure, classified by `FailureClass.classify`.
    @discardableResult
    public func saveFailure(source: String, structureHash: String?, settingsHash: String?, error: any Error,
                            runID: Int64?, host: String, at: Date = Date()) throws -> FailureRecord {
        let (failureClass, message) = FailureClass.classify(error)
        return try saveFailure(source: source, structureHash: structureHash, settingsHash: settingsHash,
                               failureClass: failureClass.rawValue, message: message, runID: runID, host: host, at: at)
    }
}
