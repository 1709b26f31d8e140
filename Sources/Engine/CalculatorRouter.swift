import Structures

/// Sends each calculation to the backend its `EngineChoice` names: with `auto`, periodic GFN1/GFN2
/// to tblite and everything else to libxtb; with `xtb` or `tblite`, everything to that one (tblite
/// then takes molecules too). The tblite bridge starts on first use, so libxtb work never needs Python.
///
/// Both backends record their name and version with every result, and the store keeps the
/// backend and release (`EngineIdentity`) in each calculation's identity, so results of two
/// engines never answer for each other.
public final class CalculatorRouter: Calculator {
    private let xtb: XTBCalculator
    private var tblite: TBLiteCalculator?
    private let tbliteOptions: TBLiteOptions
    /// The choice `validate`, `singlePoint` and `makeSession` follow.
    public let choice: EngineChoice

    public init(xtb: XTBCalculator, choice: EngineChoice = .auto, tbliteOptions: TBLiteOptions = TBLiteOptions()) {
        self.xtb = xtb
        self.choice = choice
        var options = tbliteOptions
        options.scope = .periodicAndMolecular  // the choice, not the scope, decides what tblite gets
        self.tbliteOptions = options
    }

    public var engineVersion: String { xtb.engineVersion }

    /// The identity of the engine this calculation goes to (starts the tblite bridge when it is tblite).
    public func engineIdentity(for structure: Structure, settings: Settings) throws -> EngineIdentity {
        EngineIdentity(provenance: try backend(choice, for: structure, settings: settings).engineVersion)
    }

    public func validate(_ structure: Structure, settings: Settings) throws {
        try backend(choice, for: structure, settings: settings).validate(structure, settings: settings)
    }

    public func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        try backend(choice, for: structure, settings: settings).singlePoint(structure, settings: settings)
    }

    public func makeSession(for structure: Structure, settings: Settings,
                            reuseWavefunction: Bool) throws -> any CalculatorSession {
        try backend(choice, for: structure, settings: settings)
            .makeSession(for: structure, settings: settings, reuseWavefunction: reuseWavefunction)
    }

    public func backend(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> Calculator {
        guard choice.backend(for: structure, settings: settings) == .tblite else { return xtb }
        if let tblite { return tblite }
        let started = try TBLiteCalculator(options: tbliteOptions)
        tblite = started
        return started
    }
}
