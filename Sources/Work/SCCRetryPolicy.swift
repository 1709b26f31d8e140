import Engine
import Store

/// What to try when the SCC does not converge, in order.
///
/// 1. the same physics with 4× the iterations (at least 1000) — same answer if it converges;
/// 2. electronic temperature raised to 1000 K — different physics: recorded as different settings
///    and flagged, so every reaction that would use it refuses to mix it with 300 K species.
public enum SCCRetryPolicy {
    /// The settings of each attempt after the first, with the flag that marks it.
    public static func retries(after settings: Settings) -> [(settings: Settings, flag: TaskFlag?)] {
        var more = settings
        more.maxIterations = max(settings.maxIterations * 4, 1000)
        var hotter = more
        hotter.electronicTemperature = max(settings.electronicTemperature, 1000)
        var plan: [(Settings, TaskFlag?)] = [(more, .sccRetryMoreIterations)]
        if hotter.electronicTemperature != settings.electronicTemperature {
            plan.append((hotter, .electronicTemperatureRaised(kelvin: Int(hotter.electronicTemperature))))
        }
        return plan
    }
}
