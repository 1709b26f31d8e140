import Engine
import Store
import Structures

/// A calculator for one relaxation that answers its start geometry from the results store (the
/// series already computed that supercell: energy, gradient and charges as stored, bit for bit)
/// and computes every other geometry. A cubic perovskite at its symmetric positions then
/// "relaxes" in no time instead of repeating a 300-atom single point.
final class StoredStartCalculator: Calculator {
    private let base: any Calculator
    private let store: ResultsStore
    private let start: Structure

    init(base: any Calculator, store: ResultsStore, start: Structure) {
        self.base = base
        self.store = store
        self.start = start
    }

    var engineVersion: String { base.engineVersion }

    func validate(_ structure: Structure, settings: Settings) throws {
        try base.validate(structure, settings: settings)
    }

    func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        if structure == start,
           let record = try store.cachedCalculation(structureHash: start.contentHash, settingsHash: settings.hash,
                                                    engine: try base.engineIdentity(for: structure, settings: settings)) {
            return record.result
        }
        return try base.singlePoint(structure, settings: settings)
    }
}
