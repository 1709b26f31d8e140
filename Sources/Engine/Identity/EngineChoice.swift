import Structures

/// Which backend computes a calculation: `auto` (periodic GFN1/GFN2 → tblite, everything else →
/// libxtb), or one backend for everything (`xtb`, `tblite`).
public enum EngineChoice: String, Sendable, Codable, Hashable, CaseIterable {
    case auto, xtb, tblite
}

extension EngineChoice {
    /// The backend this choice sends `structure` with `settings` to: `auto` sends periodic
    /// GFN1/GFN2 (which libxtb 6.5.1 cannot do) to tblite and everything else to libxtb.
    public func backend(for structure: Structure, settings: Settings) -> EngineChoice {
        switch self {
        case .xtb, .tblite: self
        case .auto: structure.isPeriodic && (settings.method == .gfn2 || settings.method == .gfn1) ? .tblite : .xtb
        }
    }
}
