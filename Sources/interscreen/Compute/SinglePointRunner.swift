import Engine
import Foundation
import Store
import Structures

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
        case failed(failureClass: String, message: String)
    }

    var file: String
    var structure: Structure?
    var structureHash: String?
    var settings: Settings
    var record: CalculationRecord?
    var status: Status
}

/// Reads, validates, looks up, computes and stores one structure at a time; never throws.
///
/// Every result is committed before it is reported, so a killed process loses nothing it printed.
struct SinglePointRunner {
    let store: ResultsStore
    let calculator: Calculator
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
            let engine = try calculator.engineIdentity(for: structure, settings: settings)
            if let cached = try store.cachedCalculation(structureHash: hash, settingsHash: settings.hash, engine: engine) {
                outcome.record = cached
                outcome.status = .cached
                return outcome
            }
            try calculator.validate(structure, settings: settings)
            let started = Date()
            let result = try calculator.singlePoint(structure, settings: settings)
            outcome.record = try store.saveCalculation(
                of: structure, hash: hash, sourceFile: file, settings: settings, result: result, runID: runID,
                startedAt: started, finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
        } catch {
            let failure = FailureDescription(error)
            outcome.status = .failed(failureClass: failure.failureClass, message: failure.message)
            if let structure = outcome.structure, let hash = outcome.structureHash {
                _ = try? store.saveStructure(structure, hash: hash, sourceFile: file)
            }
            _ = try? store.saveFailure(source: file, structureHash: outcome.structureHash,
                                   settingsHash: settings.hash, failureClass: failure.failureClass,
                                   message: failure.message, runID: runID, host: HostInfo.name)
        }
        return outcome
    }
}

/// A failure class (stable, for the store) and a message (for people) from any error.
struct FailureDescription {
    var failureClass: String
    var message: String

    init(_ error: Error) {
        switch error {
        case let e as StructureError:
            failureClass = e.kind.rawValue
            message = e.description
        case let e as EngineError:
            failureClass = e.kind.rawValue
            message = e.message
        default:
            failureClass = "internal"
            message = String(describing: error)
        }
    }
}
