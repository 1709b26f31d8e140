import Engine
import Structures

/// Optimises a geometry with a calculator; the campaign's hook to the engine's optimiser.
public protocol GeometryOptimizing {
    func optimize(_ structure: Structure, settings: Settings, level: String, freeze: String?,
                  calculator: Calculator) throws -> TaskReport.Optimization
}
