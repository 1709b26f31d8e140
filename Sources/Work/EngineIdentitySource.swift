import Engine
import Structures

/// Names the engine a work order goes to, before anything is computed (the engine part of its identity).
///
/// `sp`, `opt`, `bulk` and `surface` ask their calculator (`CalculatorEngines`); a campaign's rank 0,
/// which computes nothing, asks `EngineIdentities` (libxtb's release read in process, tblite's asked
/// once of a bridge started for that alone).
public protocol EngineIdentitySource {
    /// The identity of the engine `choice` sends this calculation to.
    func identity(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> EngineIdentity
}

extension EngineIdentities: EngineIdentitySource {}

/// A calculator as the engine-identity source: the backend it routes the order to names itself
/// (a router starts the tblite bridge when that is the one).
public struct CalculatorEngines: EngineIdentitySource {
    public let calculator: any Calculator

    public init(_ calculator: any Calculator) {
        self.calculator = calculator
    }

    public func identity(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> EngineIdentity {
        try calculator.backend(choice, for: structure, settings: settings).engineIdentity(for: structure, settings: settings)
    }
}
