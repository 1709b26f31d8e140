import Engine
import Foundation
import Store
import Structures
import Work

/// Charge / spin given on the command line, which win over the file's values.
struct ChargeOverrides {
    var charge: Int?
    var uhf: Int?

    func apply(to structure: inout Structure) {
        if let charge { structure.charge = charge }
        if let uhf { structure.multiplicity = uhf + 1 }
    }
}

/// What happened to one input file.
struct SinglePointOutcome {
    enum Status {
        case computed
        case cached
        case failed(failureClass: FailureClass, message: String)
    }

    var file: String
    var structure: Structure?
    var structureHash: String?
    /// The settings asked for; the stored row holds the settings of the attempt that converged.
    var settings: Settings
    var record: CalculationRecord?
    var status: Status
    /// Attempts the compute step made (0 when cached) and the marks of its result (SCC retries).
    var attempts = 0
    var flags: [TaskFlag] = []
}

/// Reads, looks up, computes (`ComputeStep`: SCC retries, failure classes) and stores one
/// structure at a time; never throws.
///
/// Every result is committed before it is reported, so a killed process loses nothing it printed.
struct SinglePointRunner {
    let store: ResultsStore
    let calculator: any Calculator
    let engine: EngineChoice
    let settings: Settings
    let overrides: ChargeOverrides
    let runID: Int64

    func run(file: String) -> SinglePointOutcome {
        var outcome = SinglePointOutcome(file: file, settings: settings, status: .computed)
        do {
            var structure = try StructureFile.read(path: file)
            overrides.apply(to: &structure)
            let hash = structure.contentHash
            outcome.structure = structure
            outcome.structureHash = hash
            let identity = try calculator.engineIdentity(for: structure, settings: settings)
            if let cached = try store.cachedCalculation(structureHash: hash, settingsHash: settings.hash, engine: identity) {
                outcome.record = cached
                outcome.status = .cached
                return outcome
            }
            let started = Date()
            let report = ComputeStep(calculator: calculator)
                .run(WorkOrder(structure: structure, settings: settings, kind: .singlePoint, engine: engine))
            outcome.attempts = report.attempts
            outcome.flags = report.flags
            if let failure = report.failure { throw failure }
            guard let result = report.result else { throw ClassifiedFailure(.internal, "success without a result") }
            outcome.record = try store.saveCalculation(
                of: structure, hash: hash, sourceFile: file, settings: report.settingsUsed, result: result, runID: runID,
                startedAt: started, finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
        } catch {
            let failure = FailureClass.classify(error)
            outcome.status = .failed(failureClass: failure.failureClass, message: failure.message)
            if let structure = outcome.structure, let hash = outcome.structureHash {
                _ = try? store.saveStructure(structure, hash: hash, sourceFile: file)
            }
            _ = try? store.saveFailure(source: file, structureHash: outcome.structureHash,
                                   settingsHash: settings.hash, failureClass: failure.failureClass.rawValue,
                                   message: failure.message, runID: runID, host: HostInfo.name)
        }
        return outcome
    }
}
