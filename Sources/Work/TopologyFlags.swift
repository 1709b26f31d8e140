import Models
import Store
import Structures

/// The topology guard after an optimisation, as flags: "topology_broken: …" (a proton migrated, a
/// ligand left; reactions using it are excluded) or "metal_bonds_changed: …" (flagged only).
public enum TopologyFlags {
    public static func between(start: Structure, end: Structure) -> [TaskFlag] {
        guard let report = try? TopologyGuard().compare(start: start, end: end) else { return [] }
        switch report.verdict {
        case .intact: return []
        case .broken: return [.topologyBroken(report.message)]
        default: return [.metalBondsChanged(report.message)]
        }
    }
}
