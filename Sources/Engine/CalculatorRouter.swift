import Structures

/// Sends each calculation to the backend that can do it: periodic GFN1/GFN2 to tblite, everything
/// else to libxtb. The tblite bridge starts on first use, so molecular work never needs Python.
///
/// Both backends record their name and version with every result, so a stored number always says
/// which program computed it.
public final class CalculatorRouter: Calculator {
    private let xtb: XTBCalculator
    private var tblite: TBLiteCalculator?
    private let tbliteOptions: TBLiteOptions

    public init(xtb: XTBCalculator, tbliteOptions: TBLiteOptions = TBLiteOptions()) {
        self.xtb = xtb
        self.tbliteOptions = tbliteOptions
    }

    public var engineVersion: String { xtb.engineVersion }

    public func validate(_ structure: Structure, settings: Settings) throws {
        try backend(for: structure, settings: settings).validate(structure, settings: settings)
    }

    public func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        try backend(for: structure, settings: settings).singlePoint(structure, settings: settings)
    }

    public func makeSession(for structure: Structure, settings: Settings,
                            reuseWavefunction: Bool) throws -> any CalculatorSession {
        try backend(for: structure, settings: settings)
            .makeSession(for: structure, settings: settings, reuseWavefunction: reuseWavefunction)
    }

    /// tblite for periodic GFN1/GFN2 (which libxtb 6.5.1 cannot do), libxtb otherwise.
    private func backend(for structure: Structure, settings: Settings) throws -> Calculator {
        guard structure.isPeriodic, settings.method == .gfn2 || settings.method == .gfn1 else { return xtb }
        if let tblite { return tblite }
        let started = try TBLiteCalculator(options: tbliteOptions)
        tblite = started
        return started
    }
}
