import Structures

/// The engine identity a choice gives for a structure and settings, known before computing (the
/// key of a cache lookup) by a process that may not compute at all (a campaign's rank 0).
///
/// libxtb's version is read in process; tblite's is asked of a bridge started once, on the first
/// tblite lookup, and stopped again.
public final class EngineIdentities {
    private let tbliteOptions: TBLiteOptions
    private var tblite: EngineIdentity?

    public init(tbliteOptions: TBLiteOptions = TBLiteOptions()) {
        self.tbliteOptions = tbliteOptions
    }

    /// The identity of the backend `choice` sends this calculation to.
    public func identity(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> EngineIdentity {
        switch choice.backend(for: structure, settings: settings) {
        case .tblite: try tbliteIdentity()
        default: EngineIdentity(provenance: XTBCalculator.engineVersion)
        }
    }

    private func tbliteIdentity() throws -> EngineIdentity {
        if let tblite { return tblite }
        let found = EngineIdentity(provenance: try TBLiteCalculator(options: tbliteOptions).engineVersion)
        tblite = found
        return found
    }
}
