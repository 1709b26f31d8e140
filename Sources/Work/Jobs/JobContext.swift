import Engine
import Foundation
import Store

/// What every job of one command run shares: the store, the calculator (`EngineSelection`) and the
/// run its rows are recorded under.
public struct JobContext {
    public let store: ResultsStore
    public let calculator: any Calculator
    public let runID: Int64
    public let host: String
    /// The interscreen version recorded with every row.
    public let version: String

    public init(store: ResultsStore, calculator: any Calculator, runID: Int64, host: String, version: String) {
        self.store = store
        self.calculator = calculator
        self.runID = runID
        self.host = host
        self.version = version
    }

    /// Look up and record through this store, with this calculator's engines.
    public var ledger: WorkLedger { WorkLedger(store: store, calculator: calculator) }

    /// The provenance of work started at `startedAt` (finished now).
    public func provenance(startedAt: Date = Date(), sourceFile: String? = nil, parentHash: String? = nil) -> Provenance {
        Provenance(runID: runID, host: host, version: version, startedAt: startedAt, finishedAt: Date(),
                   sourceFile: sourceFile, parentHash: parentHash)
    }
}
