import Engine
import Foundation
import Store
import Structures

/// The store side of the one compute path: `lookUp` (is this order answered?) and `record` (its
/// report, in one transaction, or inside a caller's: `WorkLedger+Record`). A retried order is found
/// again under the settings it requested, with its flags, so repeating a request never repeats its
/// retries; another engine's row is never a hit. `sp`, `opt`, `bulk`, `surface` and a campaign's
/// rank 0 all look up and record through it.
public struct WorkLedger {
    public let store: ResultsStore
    /// Names the engine an order goes to (the identity is known before computing).
    let engines: any EngineIdentitySource

    /// A ledger whose engines are named by `engines` (rank 0: `EngineIdentities`, no calculator).
    public init(store: ResultsStore, engines: any EngineIdentitySource) {
        self.store = store
        self.engines = engines
    }

    /// A ledger whose engines are named by `calculator` (may start the tblite bridge to ask it).
    public init(store: ResultsStore, calculator: any Calculator) {
        self.init(store: store, engines: CalculatorEngines(calculator))
    }

    /// The engine `order` is computed on.
    public func engine(of order: WorkOrder) throws -> EngineIdentity {
        try engines.identity(order.engine, for: order.structure, settings: order.settings)
    }

    /// The stored answer to `order`, if any. `structureHash`: the input's content hash when the
    /// caller knows it already (computed here otherwise).
    public func lookUp(_ order: WorkOrder, structureHash: String? = nil) throws -> StoredWork? {
        let hash = structureHash ?? order.structure.contentHash
        let settingsHash = order.settings.hash
        let engine = try engine(of: order)
        switch order.kind {
        case .singlePoint:
            let found = try store.singlePointAnswer(structureHash: hash, requestedSettingsHash: settingsHash,
                                                    engine: engine)
            guard let calculation = found.calculation else { return nil }
            guard let request = found.request else { return StoredWork(settingsUsed: order.settings, calculation: calculation) }
            if let used = try store.settings(hash: request.usedSettingsHash) {
                return StoredWork(settingsUsed: used, calculation: calculation, flags: request.flags,
                                  attempts: request.attempts)
            }
            return try store.cachedCalculation(structureHash: hash, settingsHash: settingsHash, engine: engine)
                .map { StoredWork(settingsUsed: order.settings, calculation: $0) }
        case .optimization:
            let identity = try order.optimizationIdentity()
            if let request = try store.workRequest(kind: .optimization, structureHash: hash,
                                                   requestedSettingsHash: settingsHash,
                                                   optionsHash: identity.hash, engine: engine),
               let id = request.optimizationID, let optimization = try store.optimization(id: id),
               let used = try store.settings(hash: request.usedSettingsHash) {
                return StoredWork(settingsUsed: used, calculation: try request.calculationID.flatMap(store.calculation(id:)),
                                  optimization: optimization, flags: request.flags, attempts: request.attempts)
            }
            guard let optimization = try store.cachedOptimization(inputHash: hash, settingsHash: settingsHash,
                                                                  optionsHash: identity.hash, engine: engine) else {
                return nil
            }
            let calculation = try store.cachedCalculation(structureHash: optimization.outputHash,
                                                          settingsHash: settingsHash, engine: engine)
            return StoredWork(settingsUsed: order.settings, calculation: calculation, optimization: optimization,
                              flags: optimization.converged ? [] : [.optimizationNotConverged])
        }
    }

    /// Records a failure of `source` (the input structure too, when it was read), never throwing:
    /// the failure being reported matters more than its row.
    public func recordFailure(source: String, structure: Structure?, settings: Settings,
                              failure: (failureClass: FailureClass, message: String), provenance: Provenance) {
        let hash = structure?.contentHash
        if let structure, let hash {
            _ = try? store.saveStructure(structure, hash: hash, sourceFile: provenance.sourceFile ?? source)
        }
        _ = try? store.saveFailure(source: source, structureHash: hash, settingsHash: settings.hash,
                                   failureClass: failure.failureClass.rawValue, message: failure.message,
                                   runID: provenance.runID, host: provenance.host)
    }
}
