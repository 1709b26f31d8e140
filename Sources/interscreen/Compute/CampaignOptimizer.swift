import Campaign
import Engine
import Structures

/// The engine's optimiser, as the campaign calls it.
struct CampaignOptimizer: GeometryOptimizing {
    func optimize(_ structure: Structure, settings: Settings, level: String, freeze: String?,
                  calculator: Calculator) throws -> TaskReport.Optimization {
        throw EngineError(.unsupported, "geometry optimisation is not wired into campaigns yet")
    }
}
