import Engine
import Foundation
import Optimization
import Store
import Structures
import Work

/// What `interscreen opt` did with its input.
struct OptimizeReport {
    var file: String
    /// The input structure (after charge/spin overrides).
    var input: Structure
    var inputHash: String
    /// The settings of the stored optimisation (those that converged after an SCC retry).
    var settings: Settings
    var identity: OptimizationIdentity
    var freezeSpec: String
    var record: OptimizationRecord
    var steps: [OptimizationStepRecord]
    /// The optimised (or best, when not converged) structure.
    var output: Structure
    /// True when the answer came from the store.
    var cached: Bool
    /// Attempts the compute step made (0 when cached) and the marks of its result (SCC retries, topology).
    var attempts = 0
    var flags: [TaskFlag] = []
}

/// Reads, validates, looks up, optimises (`ComputeStep`: SCC retries, failure classes) and stores
/// one structure. Errors are recorded as failures in the store and rethrown.
struct OptimizeRunner {
    let store: ResultsStore
    let calculator: any Calculator
    let engine: EngineChoice
    let settings: Settings
    let overrides: ChargeOverrides
    let freeze: FreezeSpec
    let options: OptimizationOptions
    let runID: Int64
    let onStep: ((OptimizationStep) -> Void)?

    func run(file: String) throws -> OptimizeReport {
        var inputHash: String?
        do {
            var structure = try StructureFile.read(path: file)
            overrides.apply(to: &structure)
            let hash = structure.contentHash
            inputHash = hash
            try calculator.validate(structure, settings: settings)
            let order = WorkOrder(structure: structure, settings: settings, kind: .optimization, optimization: options,
                                  freeze: freeze.isEmpty ? nil : freeze.description, engine: engine)
            let identity = try order.optimizationIdentity()
            try store.saveStructure(structure, hash: hash, sourceFile: file)
            try store.saveSettings(settings)
            if let cached = try store.cachedOptimization(inputHash: hash, settingsHash: settings.hash,
                                                         optionsHash: identity.hash,
                                                         engine: try calculator.engineIdentity(for: structure, settings: settings)) {
                return try report(file, structure, hash, settings, identity, cached, cached: true)
            }
            let started = Date()
            let work = ComputeStep(calculator: calculator).run(order, onStep: onStep)
            if let failure = work.failure { throw failure }
            guard let optimization = work.optimization else {
                throw ClassifiedFailure(.internal, "\(file): optimisation without an outcome")
            }
            let record = try store.saveOptimization(
                inputHash: hash, settings: work.settingsUsed, identity: optimization.identity,
                freezeSpec: optimization.freezeSpec, outcome: optimization.outcome, runID: runID, startedAt: started,
                finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
            var report = try report(file, structure, hash, work.settingsUsed, optimization.identity, record, cached: false)
            report.attempts = work.attempts
            report.flags = work.flags
            return report
        } catch {
            let failure = FailureClass.classify(error)
            _ = try? store.saveFailure(source: file, structureHash: inputHash, settingsHash: settings.hash,
                                   failureClass: failure.failureClass.rawValue, message: failure.message, runID: runID,
                                   host: HostInfo.name)
            throw error
        }
    }

    private func report(_ file: String, _ input: Structure, _ hash: String, _ settings: Settings,
                        _ identity: OptimizationIdentity, _ record: OptimizationRecord,
                        cached: Bool) throws -> OptimizeReport {
        guard let id = record.id, let output = try store.structure(hash: record.outputHash) else {
            throw StoreError.corruptRow(table: "optimizations", key: "\(record.id ?? -1)", "output structure missing")
        }
        return OptimizeReport(file: file, input: input, inputHash: hash, settings: settings, identity: identity,
                              freezeSpec: record.freezeSpec, record: record, steps: try store.optimizationSteps(id: id),
                              output: output, cached: cached)
    }
}
