import Engine
import Foundation
import Optimization
import Store
import Structures

/// `interscreen opt` for one file: read, validate, look up (`WorkLedger`), optimise (`ComputeStep`:
/// SCC retries, failure classes), record. Errors are recorded as failures in the store and rethrown.
public struct OptimizeJob {
    let context: JobContext
    let engine: EngineChoice
    let settings: Settings
    let overrides: ChargeOverrides
    let freeze: FreezeSpec
    let options: OptimizationOptions
    let onStep: ((OptimizationStep) -> Void)?

    public init(context: JobContext, engine: EngineChoice, settings: Settings, overrides: ChargeOverrides,
                freeze: FreezeSpec, options: OptimizationOptions, onStep: ((OptimizationStep) -> Void)?) {
        self.context = context
        self.engine = engine
        self.settings = settings
        self.overrides = overrides
        self.freeze = freeze
        self.options = options
        self.onStep = onStep
    }

    public func run(file: String) throws -> OptimizeReport {
        var input: Structure?
        let ledger = context.ledger
        do {
            var structure = try StructureFile.read(path: file)
            overrides.apply(to: &structure)
            input = structure
            try context.calculator.validate(structure, settings: settings)
            let order = WorkOrder(structure: structure, settings: settings, kind: .optimization, optimization: options,
                                  freeze: freeze.isEmpty ? nil : freeze.description, engine: engine)
            let identity = try order.optimizationIdentity()
            if let stored = try ledger.lookUp(order), let record = stored.optimization {
                var report = try report(file, structure, stored.settingsUsed, identity, record, cached: true)
                report.flags = stored.flags
                return report
            }
            let started = Date()
            let work = ComputeStep(calculator: context.calculator).run(order, onStep: onStep)
            let stored = try ledger.record(order, work, context.provenance(startedAt: started, sourceFile: file))
            guard let record = stored.optimization, let optimized = work.optimization else {
                throw ClassifiedFailure(.internal, "\(file): optimisation without an outcome")
            }
            var report = try report(file, structure, work.settingsUsed, optimized.identity, record, cached: false)
            report.attempts = work.attempts
            report.flags = work.flags
            return report
        } catch {
            ledger.recordFailure(source: file, structure: input, settings: settings, failure: FailureClass.classify(error),
                                 provenance: context.provenance(sourceFile: file))
            throw error
        }
    }

    private func report(_ file: String, _ input: Structure, _ settings: Settings, _ identity: OptimizationIdentity,
                        _ record: OptimizationRecord, cached: Bool) throws -> OptimizeReport {
        let store = context.store
        guard let id = record.id, let output = try store.structure(hash: record.outputHash) else {
            throw StoreError.corruptRow(table: "optimizations", key: "\(record.id ?? -1)", "output structure missing")
        }
        return OptimizeReport(file: file, input: input, inputHash: input.contentHash, settings: settings,
                              identity: identity, freezeSpec: record.freezeSpec, record: record,
                              steps: try store.optimizationSteps(id: id), output: output, cached: cached)
    }
}
