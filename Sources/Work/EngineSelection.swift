import Engine

/// The one place a backend is constructed: every command (`sp`, `opt`, `bulk`, `surface`, `plan`,
/// campaign workers and the engine helper) asks this for its calculator.
public enum EngineSelection {
    /// libxtb in this process and tblite (a bridge started on first use), routed by `choice`:
    /// `sp`, `opt`, `plan` and campaign task executors.
    case routed(EngineChoice, tblite: TBLiteOptions = TBLiteOptions())
    /// tblite alone, for periodic cells only, started now (so a missing bridge fails before any
    /// work): `bulk` and `surface`.
    case periodic(TBLiteOptions)

    /// The calculator this selection names.
    public func calculator() throws -> any Calculator {
        switch self {
        case .routed(let choice, let tblite):
            return CalculatorRouter(xtb: try XTBCalculator(), choice: choice, tbliteOptions: tblite)
        case .periodic(var options):
            options.scope = .periodicOnly
            return try TBLiteCalculator(options: options)
        }
    }
}
