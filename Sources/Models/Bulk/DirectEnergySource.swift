import Engine
import Optimization
import Structures

/// Energies straight from a calculator, nothing stored (tests, benchmarks).
public struct DirectEnergySource: BulkEnergySource {
    public let calculator: any Calculator
    public let settings: Settings

    public init(calculator: any Calculator, settings: Settings) {
        self.calculator = calculator
        self.settings = settings
    }

    public func validate(_ structure: Structure) throws {
        try calculator.validate(structure, settings: settings)
    }

    public func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        let result = try calculator.singlePoint(supercell, settings: settings)
        return SupercellEnergy(energy: result.energy, seconds: result.wallSeconds)
    }

    public func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        RelaxedEnergy(try Optimizer(calculator: calculator, settings: settings, options: options).optimize(supercell))
    }
}
