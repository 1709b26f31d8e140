import Structures

/// Compares the bond graph of an optimised structure with its start (same atoms, same order)
/// and reports migrated protons, dissociation and changed bonds as a typed verdict.
public struct TopologyGuard: Sendable {
    public var rule: BondRule

    public init(rule: BondRule = BondRule()) {
        self.rule = rule
    }

    /// Throws `ModelBuildError` when the two structures do not have the same atoms in the same order.
    public func compare(start: Structure, end: Structure) throws -> TopologyReport {
        guard start.atomicNumbers == end.atomicNumbers else {
            throw ModelBuildError("the two structures differ in their atoms (\(start.count) \(start.formula) vs \(end.count) \(end.formula), or their order): the topology guard compares one structure before and after optimisation")
        }
        let before = BondGraph(start, rule: rule)
        let after = BondGraph(end, rule: rule)
        let migrations = protonMigrations(before, after, start, end)
        let moved = Set(migrations.compactMap { change -> Int? in
            if case let .protonMigrated(h, _, _) = change { return h }
            return nil
        })
        let changes = migrations + fragmentChanges(before, after) + bondChanges(before, after, skipping: moved)
        return TopologyReport(changes: changes, atomicNumbers: start.atomicNumbers)
    }

    func protonMigrations(_ a: BondGraph, _ b: BondGraph, _ s: Structure, _ e: Structure) -> [TopologyChange] {
        s.atomicNumbers.indices.filter { s.atomicNumbers[$0] == 1 }.compactMap { h in
            let from = a.partner(ofHydrogen: h, positions: s.positions)
            let to = b.partner(ofHydrogen: h, positions: e.positions)
            return from == to ? nil : .protonMigrated(hydrogen: h, from: from, to: to)
        }
    }

    func fragmentChanges(_ a: BondGraph, _ b: BondGraph) -> [TopologyChange] {
        let (ca, cb) = (a.components(), b.components())
        if cb.count > ca.count {
            let old = Set(ca)
            let largest = cb.max { $0.count < $1.count }
            let detached = cb.filter { !old.contains($0) && $0 != largest }.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
            return [.dissociated(fragmentsBefore: ca.count, fragmentsAfter: cb.count, detached: detached)]
        }
        guard cb.count < ca.count else { return [] }
        return [.associated(fragmentsBefore: ca.count, fragmentsAfter: cb.count, joinedBy: joins(ca, b))]
    }

    /// The bonds of `after` between atoms that were in different fragments of `before`.
    func joins(_ before: [[Int]], _ after: BondGraph) -> [BondGraph.Bond] {
        var fragment = [Int](repeating: -1, count: after.atomicNumbers.count)
        for (k, atoms) in before.enumerated() { for a in atoms { fragment[a] = k } }
        return after.bonds.filter { fragment[$0.i] != fragment[$0.j] }.sorted()
    }

    /// Changed bonds, spectator contacts and bonds of migrated protons left out.
    func bondChanges(_ a: BondGraph, _ b: BondGraph, skipping moved: Set<Int>) -> [TopologyChange] {
        let z = a.atomicNumbers
        let relevant = { (bond: BondGraph.Bond) -> Bool in
            !moved.contains(bond.i) && !moved.contains(bond.j)
                && !BondRule.isIonicSpectator(z[bond.i]) && !BondRule.isIonicSpectator(z[bond.j])
        }
        let formed = b.bonds.subtracting(a.bonds).filter(relevant).sorted()
        let broken = a.bonds.subtracting(b.bonds).filter(relevant).sorted()
        return formed.map { change($0, formed: true, z) } + broken.map { change($0, formed: false, z) }
    }

    func change(_ bond: BondGraph.Bond, formed: Bool, _ z: [Int]) -> TopologyChange {
        let (i, j) = (bond.i, bond.j)
        if BondRule.isMetal(z[i]) || BondRule.isMetal(z[j]) {
            let (metal, partner) = BondRule.isMetal(z[i]) ? (i, j) : (j, i)
            return formed ? .metalBondFormed(metal: metal, partner: partner) : .metalBondBroken(metal: metal, partner: partner)
        }
        return formed ? .covalentBondFormed(i, j) : .covalentBondBroken(i, j)
    }
}
