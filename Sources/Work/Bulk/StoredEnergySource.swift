import Engine
import Foundation
import Models
import Optimization
import Store
import Structures

/// The energy source of `bulk` and `surface`: every supercell single point and every relaxation
/// goes through the one path (`WorkLedger` lookup, `ComputeStep` with its SCC retry ladder and
/// failure classes, one-transaction record), so each number of the report is a row of the database
/// (supercells with `parent_hash` = the input cell). A series never mixes electronic temperatures:
/// a result that converged only at a raised one is refused.
public struct StoredEnergySource: BulkEnergySource {
    let context: JobContext
    let settings: Settings
    let sourceFile: String

    public init(context: JobContext, settings: Settings, sourceFile: String) {
        self.context = context
        self.settings = settings
        self.sourceFile = sourceFile
    }

    private var ledger: WorkLedger { context.ledger }
    private var calculator: any Calculator { context.calculator }

    public func validate(_ structure: Structure) throws {
        try calculator.validate(structure, settings: settings)
    }

    public func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        let order = WorkOrder(structure: supercell, settings: settings, kind: .singlePoint)
        if let stored = try ledger.lookUp(order), let row = stored.calculation {
            try refuseMixedTemperature(stored.flags, supercell)
            return SupercellEnergy(energy: row.energyHartree, seconds: row.wallSeconds, cached: true, calculationID: row.id)
        }
        let cellHash = cell.contentHash
        try ledger.store.saveStructure(cell, hash: cellHash, sourceFile: sourceFile)
        let started = Date()
        let report = ComputeStep(calculator: calculator).run(order)
        let stored = try ledger.record(order, report, context.provenance(startedAt: started, parentHash: cellHash))
        try refuseMixedTemperature(stored.flags, supercell)
        guard let row = stored.calculation else { throw ClassifiedFailure(.internal, "a single point without a row") }
        return SupercellEnergy(energy: row.energyHartree, seconds: row.wallSeconds, cached: false, calculationID: row.id)
    }

    public func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        let freeze = options.frozenAtoms.isEmpty ? nil : options.frozenAtoms.map { "\($0 + 1)" }.joined(separator: ",")
        let order = WorkOrder(structure: supercell, settings: settings, kind: .optimization, optimization: options,
                              freeze: freeze)
        if let stored = try ledger.lookUp(order), let row = stored.optimization {
            try refuseMixedTemperature(stored.flags, supercell)
            return try relaxed(from: row, calculationID: stored.calculation?.id)
        }
        let started = Date()
        let startAware = StoredStartCalculator(base: calculator, store: ledger.store, start: supercell)
        let report = ComputeStep(calculator: startAware).run(order)
        let stored = try ledger.record(order, report, context.provenance(startedAt: started))
        try refuseMixedTemperature(stored.flags, supercell)
        guard let outcome = report.optimization?.outcome else {
            throw ClassifiedFailure(.internal, "a relaxation without an outcome")
        }
        var energy = RelaxedEnergy(outcome)
        energy.optimizationID = stored.optimization?.id
        energy.calculationID = stored.calculation?.id
        return energy
    }

    /// A supercell series compares energies at one electronic temperature only.
    private func refuseMixedTemperature(_ flags: [TaskFlag], _ supercell: Structure) throws {
        for case .electronicTemperatureRaised(let kelvin) in flags {
            throw ClassifiedFailure(.engine(.sccNotConverged), "\(supercell.name): the SCC converged only at \(kelvin) K; "
                + "a bulk series does not mix electronic temperatures")
        }
    }

    private func relaxed(from record: OptimizationRecord, calculationID: Int64?) throws -> RelaxedEnergy {
        guard let structure = try ledger.store.structure(hash: record.outputHash) else {
            throw StoreError.corruptRow(table: "optimizations", key: "\(record.id ?? -1)", "relaxed structure missing")
        }
        return RelaxedEnergy(structure: structure, energy: record.energyHartree,
                             status: OptimizationStatus(rawValue: record.status) ?? .maxCycles, cycles: record.cycles,
                             gradientNorm: record.gradientNorm, seconds: record.wallSeconds, cached: true,
                             optimizationID: record.id, calculationID: calculationID)
    }
}
