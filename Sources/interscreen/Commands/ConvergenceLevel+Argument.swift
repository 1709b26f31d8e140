import ArgumentParser
import Optimization

/// `--level crude|sloppy|…|extreme`, parsed straight into the optimiser's level (case-insensitive,
/// as xtb reads it); a misspelt level is a usage error that lists the levels.
extension ConvergenceLevel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}
