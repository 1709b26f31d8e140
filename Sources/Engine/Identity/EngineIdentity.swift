/// The engine part of a calculation's identity: backend and its release, e.g. "libxtb 6.5.1" or
/// "tblite 0.8.0". Any change of either makes a different identity (docs/identity.md).
///
/// The recorded provenance (`Calculator.engineVersion`, e.g. "tblite 0.8.0 (python 3.11.7, numpy
/// 2.4.6)", "libxtb 6.5.1 (api 10000)") carries more: the part in parentheses is provenance only.
public struct EngineIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The identity as stored in `calculations.engine` and `optimizations.engine`.
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// The identity of a recorded engine version: the text before " (".
    public init(provenance: String) {
        let end = provenance.range(of: " (")?.lowerBound ?? provenance.endIndex
        text = String(provenance[..<end])
    }

    /// What a molecular row stored before engines were part of the identity was computed with.
    public static let legacyMolecular = EngineIdentity(text: "libxtb 6.5.1")
    /// What a periodic row stored before engines were part of the identity was computed with.
    public static let legacyPeriodic = EngineIdentity(text: "tblite 0.8.0")

    public var description: String { text }
}

extension EngineIdentity {
    /// The backend named by the identity (nil for a name interscreen does not run).
    public var backend: EngineChoice? {
        if text.hasPrefix("libxtb") { return .xtb }
        if text.hasPrefix("tblite") { return .tblite }
        return nil
    }
}
