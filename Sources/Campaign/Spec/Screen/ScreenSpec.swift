import Engine
import Models

/// A pairing matrix (`[screen]`, `[[perovskites]]`, `[[glasses]]`): every perovskite with every
/// glass, each pairing expanded into fragments, exchange products, reactions and one verdict.
struct ScreenSpec {
    /// How each pairing is built and computed (`[screen]`).
    struct Options {
        /// Exchange counts k (each k gives its own products).
        var exchangeCounts: [Int] = [1]
        /// Glass-facing sites used per phase fragment.
        var sites: Int = 3
        /// Placements of the glass unit per site.
        var orientations: Int = 2
        /// At most this many distinct products per phase fragment and k (nil = all): a budget cap.
        var maxProducts: Int?
        var treatment: ScreenProtocol = .frozenFramework
        /// Temperature of the Boltzmann weighting over configurations, K.
        var temperature: Double = 300
        /// Exchanges per surface B site of a particle in the glass, for L* from nanocrystals.
        var coverage: Double = 1
        /// Methods the nanocrystal blocks are computed with (`nanocrystal_gfn`); empty: the defaults' method.
        var nanocrystalMethods: [Method] = []
    }

    /// One perovskite: its active and inactive phase, the fragment sizes and surface.
    struct Perovskite {
        var name: String
        /// Formula units of the bulk-cut fragments; each size gets its own fragments, products and verdict.
        var units: [Int]
        var surface: MillerIndex
        var active: Phase
        var inactive: Phase
        var line: Int
        /// Further active phases (`also_active`, e.g. γ beside α): each gets its own fragments,
        /// bulk reaction, products and verdict against the same inactive phase.
        var alsoActive: [Phase] = []
        /// Whether both phases' bulk supercells come from converged series (docs/bulk.md): true,
        /// false (its verdicts are flagged and left out of agreement counts), nil when not said.
        var bulkConverged: Bool?

        /// Every active phase, the first (`active`) first.
        var actives: [Phase] { [active] + alsoActive }

        /// Whether the bulk reaction of `active` against the inactive phase rests on converged
        /// series: false when any flag (the perovskite's, the active or the inactive phase's) says
        /// false, true when the others given say true, nil when none is given.
        func bulkConverged(for active: Phase) -> Bool? {
            let flags = [bulkConverged, active.bulkConverged, inactive.bulkConverged].compactMap { $0 }
            return flags.isEmpty ? nil : !flags.contains(false)
        }
    }

    /// One phase of a perovskite: the bulk cell (absolute path) and the Γ-point supercell of its bulk energy.
    struct Phase {
        var name: String
        var cell: String
        var bulkSupercell: SupercellMatrix
        /// This phase's bulk series converged (`bulk_converged` in its table); nil when not said.
        var bulkConverged: Bool? = nil
        /// Repeats of the molecular nanocrystals cut for L* (`nanocrystals`); empty: none.
        var nanocrystals: [SIMD3<Int>] = []
        /// The cell the nanocrystals are cut from (`nanocrystal_cell`, absolute path), when not `cell`:
        /// e.g. γ on its pseudo-cubic axes, so its blocks have {100} faces.
        var nanocrystalCell: String? = nil
    }

    /// One glass fragment recipe.
    struct Glass {
        var name: String
        var crystal: String
        var spec: GlassFragmentSpec
        /// Ligand ordinals (1-based) that may move onto the perovskite; empty = every terminal one.
        var ligands: [Int] = []
        var line: Int
    }

    var options: Options
    var perovskites: [Perovskite]
    var glasses: [Glass]
    /// Line of `[screen]`.
    var line: Int
}

/// How the products of a pairing are treated.
enum ScreenProtocol: String, CaseIterable {
    /// Perovskite framework frozen at its bulk-cut positions, glass side optimised; glass fragments optimised.
    case frozenFramework = "frozen framework"
    /// Everything as built: single points only (cheap; a first pass over a large matrix).
    case unrelaxed = "unrelaxed"
}
