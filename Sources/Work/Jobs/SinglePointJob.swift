import Engine
import Foundation
import Store
import Structures

/// `interscreen sp` for one file at a time: read, look up (`WorkLedger`), compute (`ComputeStep`:
/// SCC retries, failure classes), record; never throws.
///
/// Every result is committed before it is reported, so a killed process loses nothing it printed.
public struct SinglePointJob {
    let context: JobContext
    let engine: EngineChoice
    let settings: Settings
    let overrides: ChargeOverrides

    public init(context: JobContext, engine: EngineChoice, settings: Settings, overrides: ChargeOverrides) {
        self.context = context
        self.engine = engine
        self.settings = settings
        self.overrides = overrides
    }

    public func run(file: String) -> SinglePointOutcome {
        var outcome = SinglePointOutcome(file: file, settings: settings, status: .computed)
        let ledger = context.ledger
        do {
            var structure = try StructureFile.read(path: file)
            overrides.apply(to: &structure)
            outcome.structure = structure
            outcome.structureHash = structure.contentHash
            let order = WorkOrder(structure: structure, settings: settings, kind: .singlePoint, engine: engine)
            if let stored = try ledger.lookUp(order) {
                outcome.record = stored.calculation
                outcome.flags = stored.flags
                outcome.status = .cached
                return outcome
            }
            let started = Date()
            let report = ComputeStep(calculator: context.calculator).run(order)
            outcome.attempts = report.attempts
            outcome.flags = report.flags
            outcome.record = try ledger.record(order, report, context.provenance(startedAt: started, sourceFile: file))
                .calculation
        } catch {
            let failure = FailureClass.classify(error)
            outcome.status = .failed(failureClass: failure.failureClass, message: failure.message)
            ledger.recordFailure(source: file, structure: outcome.structure, settings: settings, failure: failure,
                                 provenance: context.provenance(sourceFile: file))
        }
        return outcome
    }
}
