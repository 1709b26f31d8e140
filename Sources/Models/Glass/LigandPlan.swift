import Structures

/// Which ligands a Zn cluster keeps and what each becomes: bridges between chosen Zn stay
/// anionic; of the terminal ligands 2n − b stay anionic (handed out round-robin over the Zn
/// so each Zn keeps a mix) and the rest are capped, which makes the cluster neutral.
struct LigandPlan {
    enum Role: Int, Comparable {
        case bridging, anionic, capped
        static func < (l: Role, r: Role) -> Bool { l.rawValue < r.rawValue }
    }

    /// One kept ligand: which image, which chosen Zn (by selection order) bind which of its N.
    struct Entry {
        var node: LigandNode
        var bindings: [(zinc: Int, nitrogen: Int)]
        var role: Role
        var benzo = false
    }

    /// Bridging first, then anionic terminal, then capped; each in order of discovery.
    private(set) var entries: [Entry] = []

    init(nodes: [ZincNode], selection: ZincSelection, benzimidazolates: Int) throws {
        var found: [LigandNode: Int] = [:]
        var terminalsOfZinc = [[Int]](repeating: [], count: nodes.count)
        for (order, node) in nodes.enumerated() {
            let zn = selection.position(node)
            let bound = selection.ligands(of: node).sorted { lhs, rhs in
                self.nitrogenKey(lhs, selection, zn) < self.nitrogenKey(rhs, selection, zn)
            }
            for (ligand, nitrogen) in bound {
                if let k = found[ligand] {
                    entries[k].bindings.append((order, nitrogen))
                    entries[k].role = .bridging
                } else {
                    found[ligand] = entries.count
                    entries.append(Entry(node: ligand, bindings: [(order, nitrogen)], role: .capped))
                }
            }
        }
        for (k, e) in entries.enumerated() where e.role != .bridging { terminalsOfZinc[e.bindings[0].zinc].append(k) }
        markAnionic(terminalsOfZinc, needed: 2 * nodes.count - entries.filter { $0.role == .bridging }.count)
        entries = entries.enumerated().sorted { ($0.element.role, $0.offset) < ($1.element.role, $1.offset) }.map(\.element)
        guard benzimidazolates <= entries.count else {
            throw ModelBuildError("--bim \(benzimidazolates): the cluster has only \(entries.count) ligands")
        }
        for k in 0..<benzimidazolates { entries[k].benzo = true }
    }

    private mutating func markAnionic(_ terminals: [[Int]], needed: Int) {
        var left = needed
        var round = 0
        while left > 0, terminals.contains(where: { $0.count > round }) {
            for list in terminals where left > 0 && list.count > round {
                entries[list[round]].role = .anionic
                left -= 1
            }
            round += 1
        }
    }

    private func nitrogenKey(_ bound: (LigandNode, Int), _ selection: ZincSelection, _ zn: Vec3) -> SiteKey {
        let ligand = selection.crystal.ligands[bound.0.ligand]
        let n = ligand.positions[ligand.ring.nitrogens[bound.1]] + selection.crystal.translation(bound.0.image)
        return SiteKey(n, centre: zn)
    }
}
