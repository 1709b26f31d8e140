import Structures

/// The coordinates the optimiser steps in: Cartesian, translation-rotation internal coordinates
/// (TRIC), or the choice made per structure (`automatic`, the default).
public enum OptimizationCoordinates: String, Sendable, Hashable, Codable, CaseIterable {
    case automatic
    case cartesian
    case tric

    /// Polyatomic fragments (more atoms than this) that make TRIC the automatic choice when two
    /// or more of them are present.
    static let polyatomic = 3

    /// The coordinates an optimisation of `structure` actually uses. `automatic` picks TRIC for
    /// two or more polyatomic fragments — units that move against one another, such as a
    /// perovskite fragment and a zinc imidazolate after ligand exchange, where Cartesian steps
    /// crawl — and Cartesian otherwise (one molecule or one framework with free ions, where the
    /// Cartesian path needs fewer gradients). With frozen atoms always Cartesian: TRIC has no
    /// constraints.
    public func resolved(for structure: Structure, frozenAtoms: [Int]) -> OptimizationCoordinates {
        guard frozenAtoms.isEmpty else { return .cartesian }
        switch self {
        case .cartesian, .tric: return self
        case .automatic: return Self.hasSeveralUnits(structure) ? .tric : .cartesian
        }
    }

    /// True when the bond graph has two or more fragments with more than `polyatomic` atoms.
    static func hasSeveralUnits(_ structure: Structure) -> Bool {
        let graph = BondGraph(numbers: structure.atomicNumbers, x: Optimizer.bohr(structure.positions))
        return graph.fragments.filter { $0.count > polyatomic }.count >= 2
    }
}
