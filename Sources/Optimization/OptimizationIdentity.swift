import Foundation
import Structures

/// What, besides the input structure and the settings, determines an optimisation's result:
/// (input hash, settings hash, `OptimizationIdentity.hash`) is the identity the store caches by.
///
///     optimization-v1
///     algorithm=tr-bfgs-lindh-2
///     step=newton | rfo
///     hessian=model+bfgs30 | bfgs
///     trust=0.5/0.001/1.5 atom_step=0.5 scc_retry=auto
///     level=normal
///     max_cycles=200
///     frozen=none | <SHA-256 of the frozen atoms' "Z x y z" lines>
///     scc_restart=false
///     coordinates=tric            (only when the optimisation steps in TRIC; see
///                                  `OptimizationCoordinates.resolved`)
///
/// The frozen atoms enter by content, not by index: their atomic numbers and positions rounded
/// to 1e-5 Å (as in the structure content hash), sorted. So the same constraint hashes alike when
/// written differently (`Cs,Pb,I` or `1-40`) or when the input file lists the atoms in another
/// order, in step with the structure hash, which ignores atom order too.
public struct OptimizationIdentity: Sendable, Hashable, Codable {
    /// Changes whenever the optimiser's path for the same input would change.
    public static let algorithm = "tr-bfgs-lindh-2"

    public let canonicalText: String
    public var hash: String { SHA256.hex(of: canonicalText) }
    /// "none" or the SHA-256 of the frozen atoms.
    public let constraintsKey: String

    public init(structure: Structure, options: OptimizationOptions) {
        let maxCycles = options.maxCycles ?? options.level.maxCycles(atoms: structure.count)
        constraintsKey = Self.constraintsKey(structure: structure, frozen: options.frozenAtoms)
        canonicalText = [
            "optimization-v1",
            "algorithm=\(Self.algorithm)",
            "step=\(options.rationalFunctionSteps ? "rfo" : "newton")",
            "hessian=\(options.hessianMemory.map { "model+bfgs\($0)" } ?? "bfgs")",
            "trust=\(options.initialTrustRadius)/\(options.minimumTrustRadius)/\(options.maximumTrustRadius)"
                + " atom_step=\(options.maxAtomDisplacement)"
                + " scc_retry=\(options.sccRetryIterations.map(String.init) ?? "auto")",
            "level=\(options.level.rawValue)",
            "max_cycles=\(maxCycles)",
            "frozen=\(constraintsKey)",
            "scc_restart=\(options.reuseWavefunction)",
        ].joined(separator: "\n") + "\n"
            + Self.coordinatesLine(structure: structure, options: options)
    }

    /// The line naming the coordinates actually used, empty for Cartesian (so that identities from
    /// before TRIC existed still match): `automatic` and an explicit choice that resolve alike
    /// are the same optimisation.
    static func coordinatesLine(structure: Structure, options: OptimizationOptions) -> String {
        let used = options.coordinates.resolved(for: structure, frozenAtoms: options.frozenAtoms)
        return used == .cartesian ? "" : "coordinates=\(used.rawValue)\n"
    }

    /// "none", or the SHA-256 of the sorted "Z x y z" lines (Å, "%.5f") of the frozen atoms.
    public static func constraintsKey(structure: Structure, frozen: [Int]) -> String {
        let atoms = Set(frozen).filter { $0 >= 0 && $0 < structure.count }
        guard !atoms.isEmpty else { return "none" }
        let lines = atoms.map { i -> String in
            let p = structure.positions[i]
            let text = [p.x, p.y, p.z].map { value -> String in
                let s = String(format: "%.5f", value)
                return s == "-0.00000" ? "0.00000" : s
            }
            return "\(structure.atomicNumbers[i]) " + text.joined(separator: " ")
        }.sorted()
        return SHA256.hex(of: "frozen-v1\n" + lines.joined(separator: "\n") + "\n")
    }
}
