import Engine
import Foundation
import Store
import Structures

extension WorkLedger {
    /// Records a successful report in one transaction of its own (`record(…, in:)`), committed
    /// before this returns. A failed report throws its failure (record it with `recordFailure`).
    @discardableResult
    public func record(_ order: WorkOrder, _ report: WorkReport, _ provenance: Provenance) throws -> StoredWork {
        try store.write { transaction in try record(order, report, provenance, in: transaction) }
    }

    /// Records a successful report inside the caller's `transaction` (a campaign's rank 0 commits
    /// a burst of results, and their task rows, together): the input structure, the calculation (for
    /// an optimisation: the optimisation row, its cycles and output structure, and the single point
    /// at the output) and, when the settings used are not those requested or the result carries
    /// flags, which rows answer the request. `structureHash`: the input's content hash when the
    /// caller knows it already. A failed report throws its failure.
    @discardableResult
    public func record(_ order: WorkOrder, _ report: WorkReport, _ provenance: Provenance, structureHash: String? = nil,
                       in transaction: StoreTransaction) throws -> StoredWork {
        if let failure = report.failure { throw failure }
        guard let result = report.result else { throw ClassifiedFailure(.internal, "a success without a result") }
        let hash = structureHash ?? order.structure.contentHash
        let used = report.settingsUsed
        let p = provenance
        var optimization: OptimizationRecord?
        let calculation: CalculationRecord
        if let optimized = report.optimization {
            try transaction.saveStructure(order.structure, hash: hash, sourceFile: p.sourceFile, parentHash: p.parentHash)
            let row = try transaction.saveOptimization(
                inputHash: hash, settings: used, identity: optimized.identity, freezeSpec: optimized.freezeSpec,
                outcome: optimized.outcome, runID: p.runID, startedAt: p.startedAt, finishedAt: p.finishedAt,
                host: p.host, version: p.version)
            optimization = row
            calculation = try transaction.saveCalculation(
                structureHash: row.outputHash, settings: used, result: result, runID: p.runID,
                startedAt: p.startedAt, finishedAt: p.finishedAt, host: p.host, version: p.version)
        } else {
            // The structure and its calculation, with no second look for the structure (rank 0's hot path).
            calculation = try transaction.saveCalculation(
                of: order.structure, hash: hash, sourceFile: p.sourceFile, parentHash: p.parentHash, settings: used,
                result: result, runID: p.runID, startedAt: p.startedAt, finishedAt: p.finishedAt, host: p.host,
                version: p.version)
        }
        // Equal settings hash alike; only unequal ones need their hashes compared (two SHA-256s).
        if !report.flags.isEmpty || (used != order.settings && used.hash != order.settings.hash) {
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
