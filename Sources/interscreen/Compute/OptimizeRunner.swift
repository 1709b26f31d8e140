import Engine
import Foundation
import Optimization
import Store
import Structures

/// What `interscreen opt` did with its input.
struct OptimizeReport {
    var file: String
    /// The input structure (after charge/spin overrides).
    var input: Structure
    var inputHash: String
    var settings: Settings
    var identity: OptimizationIdentity
    var freezeSpec: String
    var record: OptimizationRecord
    var steps: [OptimizationStepRecord]
    /// The optimised (or best, when not converged) structure.
    var output: Structure
    /// True when the answer came from the store.
    var cached: Bool
}

/// Reads, validates, looks up, optimises and stores one structure. Errors are recorded as
/// failures in the store and rethrown.
struct OptimizeRunner {
    let store: ResultsStore
    let calculator: any Calculator
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
            var options = self.options
            options.frozenAtoms = try freeze.frozenAtoms(in: structure)
            let identity = OptimizationIdentity(structure: structure, options: options)
            try store.saveStructure(structure, hash: hash, sourceFile: file)
            try store.saveSettings(settings)
            if let cached = try store.cachedOptimization(inputHash: hash, settingsHash: settings.hash,
                                                         optionsHash: identity.hash,
                                                         engine: try calculator.engineIdentity(for: structure, settings: settings)) {
                return try report(file, structure, hash, identity, cached, cached: true)
            }
            let started = Date()
            let outcome = try Optimizer(calculator: calculator, settings: settings, options: options)
                .optimize(structure, onStep: onStep)
            let record = try store.saveOptimization(
                inputHash: hash, settings: settings, identity: identity, freezeSpec: freeze.description,
                outcome: outcome, runID: runID, startedAt: started, finishedAt: Date(), host: HostInfo.name,
                version: InterscreenVersion.current)
            return try report(file, structure, hash, identity, record, cached: false)
        } catch {
            let failure = FailureDescription(error)
            _ = try? store.saveFailure(source: file, structureHash: inputHash, settingsHash: settings.hash,
                                   failureClass: failure.failureClass, message: failure.message, runID: runID,
                                   host: HostInfo.name)
            throw error
        }
    }

    private func report(_ file: String, _ input: Structure, _ hash: String, _ identity: OptimizationIdentity,
                        _ record: OptimizationRecord, cached: Bool) throws -> OptimizeReport {
        guard let id = record.id, let output = try store.structure(hash: record.outputHash) else {
            throw StoreError.corruptRow(table: "optimizations", key: "\(record.id ?? -1)", "output structure missing")
        }
        return OptimizeReport(file: file, input: input, inputHash: hash, settings: settings, identity: identity,
                              freezeSpec: record.freezeSpec, record: record, steps: try store.optimizationSteps(id: id),
                              output: output, cached: cached)
    }
}
