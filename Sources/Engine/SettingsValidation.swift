extension Settings {
    /// Checks the numbers every backend needs in range: accuracy 1e-4…1e3 (xtb's), a positive finite
    /// electronic temperature, at least one SCC iteration. Backend-specific rules come on top.
    public func validateRanges() throws {
        guard (1e-4...1e3).contains(accuracy) else {
            throw EngineError(.unsupported, "accuracy \(accuracy) outside xtb's range 0.0001–1000")
        }
        guard electronicTemperature > 0, electronicTemperature.isFinite else {
            throw EngineError(.unsupported, "electronic temperature must be positive (got \(electronicTemperature) K)")
        }
        guard maxIterations >= 1 else {
            throw EngineError(.unsupported, "max iterations must be at least 1 (got \(maxIterations))")
        }
    }
}
