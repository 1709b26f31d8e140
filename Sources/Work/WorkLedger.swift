import Engine
import Foundation
import Store
import Structures

/// The store side of the one compute path: `lookUp` (is this order answered?) and `record` (its
/// report, in one transaction). A retried order is found again under the settings it requested,
/// with its flags, so repeating a request never repeats its retries; another engine's row is never a hit.
public struct WorkLedger {
    public let store: ResultsStore
    /// Names the engine an order goes to (the identity is known before computing).
    let calculator: any Calculator

    public init(store: ResultsStore, calculator: any Calculator) {
        self.store = store
        self.calculator = calculator
    }

    /// The engine `order` is computed on (starts the tblite bridge when that is the one).
    public func engine(of order: WorkOrder) throws -> EngineIdentity {
        try calculator.backend(order.engine, for: order.structure, settings: order.settings)
            .engineIdentity(for: order.structure, settings: order.settings)
    }

    /// The stored answer to `order`, if any.
    public func lookUp(_ order: WorkOrder) throws -> StoredWork? {
        let hash = order.structure.contentHash
        let engine = try engine(of: order)
        switch order.kind {
        case .singlePoint:
            if let request = try store.workRequest(kind: .singlepoint, structureHash: hash,
                                                   requestedSettingsHash: order.settings.hash, engine: engine),
               let id = request.calculationID, let calculation = try store.calculation(id: id),
               let used = try store.settings(hash: request.usedSettingsHash) {
                return StoredWork(settingsUsed: used, calculation: calculation, flags: request.flags,
                                  attempts: request.attempts)
            }
            return try store.cachedCalculation(structureHash: hash, settingsHash: order.settings.hash, engine: engine)
                .map { StoredWork(settingsUsed: order.settings, calculation: $0) }
        case .optimization:
            let identity = try order.optimizationIdentity()
            if let request = try store.workRequest(kind: .optimization, structureHash: hash,
                                                   requestedSettingsHash: order.settings.hash,
                                                   optionsHash: identity.hash, engine: engine),
               let id = request.optimizationID, let optimization = try store.optimization(id: id),
               let used = try store.settings(hash: request.usedSettingsHash) {
                return StoredWork(settingsUsed: used, calculation: try request.calculationID.flatMap(store.calculation(id:)),
                                  optimization: optimization, flags: request.flags, attempts: request.attempts)
            }
            guard let optimization = try store.cachedOptimization(inputHash: hash, settingsHash: order.settings.hash,
                                                                  optionsHash: identity.hash, engine: engine) else {
                return nil
            }
            let calculation = try store.cachedCalculation(structureHash: optimization.outputHash,
                                                          settingsHash: order.settings.hash, engine: engine)
            return StoredWork(settingsUsed: order.settings, calculation: calculation, optimization: optimization,
                              flags: optimization.converged ? [] : [.optimizationNotConverged])
        }
    }

    /// Records a successful report in one transaction: the input structure, the calculation (for an
    /// optimisation: the optimisation row, its cycles and output structure, and the single point at
    /// the output) and, when the settings used are not those requested or the result carries flags,
    /// which rows answer the request. A failed report throws its failure (record it with `recordFailure`).
    @discardableResult
    public func record(_ order: WorkOrder, _ report: WorkReport, _ provenance: Provenance) throws -> StoredWork {
        if let failure = report.failure { throw failure }
        guard let result = report.result else { throw ClassifiedFailure(.internal, "a success without a result") }
        let hash = order.structure.contentHash
        let used = report.settingsUsed
        let p = provenance
        return try store.write { transaction in
            try transaction.saveStructure(order.structure, hash: hash, sourceFile: p.sourceFile, parentHash: p.parentHash)
            var optimization: OptimizationRecord?
            let calculation: CalculationRecord
            if let optimized = report.optimization {
                let row = try transaction.saveOptimization(
                    inputHash: hash, settings: used, identity: optimized.identity, freezeSpec: optimized.freezeSpec,
                    outcome: optimized.outcome, runID: p.runID, startedAt: p.startedAt, finishedAt: p.finishedAt,
                    host: p.host, version: p.version)
                optimization = row
                calculation = try transaction.saveCalculation(
                    structureHash: row.outputHash, settings: used, result: result, runID: p.runID,
                    startedAt: p.startedAt, finishedAt: p.finishedAt, host: p.host, version: p.version)
            } else {
                calculation = try transaction.saveCalculation(
                    structureHash: hash, settings: used, result: result, runID: p.runID,
                    startedAt: p.startedAt, finishedAt: p.finishedAt, host: p.host, version: p.version)
            }
            if used.hash != order.settings.hash || !report.flags.isEmpty {
                let request = WorkRequestRecord(
                    kind: optimization == nil ? .singlepoint : .optimization, structureHash: hash,
                    requestedSettingsHash: order.settings.hash, optionsHash: report.optimization?.identity.hash ?? "",
                    engine: calculation.engine, usedSettingsHash: used.hash, calculationID: calculation.id,
                    optimizationID: optimization?.id, flags: report.flags, attempts: report.attempts)
                try transaction.saveWorkRequest(request, requestedSettings: order.settings)
            }
            return StoredWork(settingsUsed: used, calculation: calculation, optimization: optimization,
                              flags: report.flags, attempts: report.attempts)
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
