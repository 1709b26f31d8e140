import Engine
import Foundation
import Models
import Optimization
import Store
import Structures

/// `interscreen bulk`'s energy source: every supercell single point and every relaxation is
/// looked up in the results store first and, when new, computed and committed before it is
/// reported (supercells with `parent_hash` = the input cell, relaxed supercells with the
/// supercell as parent), so each number of the report is a row of the database.
struct StoredEnergySource: BulkEnergySource {
    let store: ResultsStore
    let calculator: any Calculator
    let settings: Settings
    let sourceFile: String
    let runID: Int64

    func validate(_ structure: Structure) throws {
        try calculator.validate(structure, settings: settings)
    }

    func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        let hash = supercell.contentHash
        if let cached = try cachedCalculation(supercell, hash: hash) {
            return SupercellEnergy(energy: cached.energyHartree, seconds: cached.wallSeconds, cached: true,
                                   calculationID: cached.id)
        }
        let cellHash = cell.contentHash
        try store.saveStructure(cell, hash: cellHash, sourceFile: sourceFile)
        let started = Date()
        let result = try calculator.singlePoint(supercell, settings: settings)
        let record = try store.saveCalculation(
            of: supercell, hash: hash, sourceFile: nil, parentHash: cellHash, settings: settings, result: result,
            runID: runID, startedAt: started, finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
        return SupercellEnergy(energy: record.energyHartree, seconds: record.wallSeconds, cached: false,
                               calculationID: record.id)
    }

    func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        let inputHash = supercell.contentHash
        let identity = OptimizationIdentity(structure: supercell, options: options)
        try store.saveStructure(supercell, hash: inputHash, sourceFile: nil)
        if let cached = try store.cachedOptimization(inputHash: inputHash, settingsHash: settings.hash,
                                                     optionsHash: identity.hash,
                                                     engine: try calculator.engineIdentity(for: supercell, settings: settings)) {
            return try relaxed(from: cached)
        }
        let started = Date()
        let startAware = StoredStartCalculator(base: calculator, store: store, start: supercell)
        let outcome = try Optimizer(calculator: startAware, settings: settings, options: options).optimize(supercell)
        let record = try store.saveOptimization(
            inputHash: inputHash, settings: settings, identity: identity,
            freezeSpec: options.frozenAtoms.map { "\($0 + 1)" }.joined(separator: ","), outcome: outcome,
            runID: runID, startedAt: started, finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
        let point = try store.saveCalculation(
            structureHash: record.outputHash, settings: settings, result: outcome.result, runID: runID,
            startedAt: started, finishedAt: Date(), host: HostInfo.name, version: InterscreenVersion.current)
        var energy = RelaxedEnergy(outcome)
        energy.optimizationID = record.id
        energy.calculationID = point.id
        return energy
    }

    /// The stored single point of this engine, if any (another engine's row is not a hit).
    private func cachedCalculation(_ supercell: Structure, hash: String) throws -> CalculationRecord? {
        try store.cachedCalculation(structureHash: hash, settingsHash: settings.hash,
                                    engine: try calculator.engineIdentity(for: supercell, settings: settings))
    }

    private func relaxed(from record: OptimizationRecord) throws -> RelaxedEnergy {
        guard let structure = try store.structure(hash: record.outputHash) else {
            throw StoreError.corruptRow(table: "optimizations", key: "\(record.id ?? -1)", "relaxed structure missing")
        }
        let point = try store.cachedCalculation(structureHash: record.outputHash, settingsHash: settings.hash,
                                                engine: EngineIdentity(text: record.engine))
        return RelaxedEnergy(structure: structure, energy: record.energyHartree,
                             status: OptimizationStatus(rawValue: record.status) ?? .maxCycles, cycles: record.cycles,
                             gradientNorm: record.gradientNorm, seconds: record.wallSeconds, cached: true,
                             optimizationID: record.id, calculationID: point?.id)
    }
}
