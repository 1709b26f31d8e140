import Engine
import Optimization
import Structures

/// Optimises a geometry with a calculator; the campaign's hook to the optimiser.
public protocol GeometryOptimizing {
    func optimize(_ structure: Structure, settings: Settings, level: ConvergenceLevel, freeze: String?,
                  calculator: Calculator) throws -> TaskReport.Optimization
}
