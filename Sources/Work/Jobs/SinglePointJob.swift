import Engine
import Foundation
import Store
import Structures

/// `interscreen sp` for one file at a time: read, look up (`WorkLedger`), compute (`ComputeStep`:
/// SCC retries, failure classes), record; never throws.
///
/// Every result is committed before it is reported, so a killed process loses nothing it printed.
public struct SinglePointJob {
    let ledger: WorkLedger
    let calculator: any Calculator
    let engine: EngineChoice
    let settings: Settings
    let overrides: ChargeOverrides
    let runID: Int64
    let host: String
    let version: String

    public init(store: ResultsStore, calculator: any Calculator, engine: EngineChoice, settings: Settings,
                overrides: ChargeOverrides, runID: Int64, host: String, version: String) {
        self.ledger = WorkLedger(store: store, calculator: calculator)
        self.calculator = calculator
        self.engine = engine
        self.settings = settings
        self.overrides = overrides
        self.runID = runID
        self.host = host
        self.version = version
    }

    public func run(file: String) -> SinglePointOutcome {
        var outcome = SinglePointOutcome(file: file, settings: settings, status: .computed)
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
            let report = ComputeStep(calculator: calculator).run(order)
            outcome.attempts = report.attempts
            outcome.flags = report.flags
            outcome.record = try ledger.record(order, report, Provenance(
                runID: runID, host: host, version: version, startedAt: started, sourceFile: file)).calculation
        } catch {
            let failure = FailureClass.classify(error)
            outcome.status = .failed(failureClass: failure.failureClass, message: failure.message)
            ledger.recordFailure(source: file, structure: outcome.structure, settings: settings, failure: failure,
                                 provenance: Provenance(runID: runID, host: host, version: version, startedAt: Date(),
                                                        sourceFile: file))
        }
        return outcome
    }
}
