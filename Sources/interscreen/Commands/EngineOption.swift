import ArgumentParser
import Engine

extension EngineChoice: ExpressibleByArgument {}

/// `--engine auto|xtb|tblite`: which backend computes (`sp`, `opt`, `bulk`). The engine is part of
/// a calculation's identity, so rows of two engines never answer for each other.
struct EngineOption: ParsableArguments {
    @Option(help: """
        Backend: auto (periodic GFN2/GFN1 with tblite, everything else with libxtb), xtb (libxtb for \
        everything) or tblite (tblite for everything, molecules included; GFN2/GFN1 only).
        """)
    var engine: EngineChoice = .auto
}
