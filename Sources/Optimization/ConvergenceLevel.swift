/// xtb's geometry-convergence levels, with xtb's names and thresholds (`xtb --opt LEVEL`).
///
/// Values as xtb 6.5.1 defines them (`get_optthr` in its optimizer module, and as its ANCopt
/// prints them): converged when the energy change between two cycles is below `energyThreshold`,
/// the gradient norm below `gradientThreshold`, and the energy went down; at most `maxCycles`
/// cycles. xtb's documentation lists `lax` with 2e-3 Eh/Bohr, the 6.5.1 code uses 2.5e-3 (used
/// here, so that results compare with the binary). The documentation also lists an SCC
/// accuracy per level (`documentedAccuracy`); the 6.5.1 binary keeps the accuracy it was given
/// (tested: `--opt crude` … `extreme` all run with accuracy 1.0), and so does interscreen.
public enum ConvergenceLevel: String, CaseIterable, Sendable, Codable, Hashable {
    case crude, sloppy, loose, lax, normal, tight, vtight, extreme

    /// xtb's default level.
    public static let `default` = ConvergenceLevel.normal

    /// Largest energy change between two cycles at convergence, Eh (xtb's Econv).
    public var energyThreshold: Double {
        switch self {
        case .crude: 5e-4
        case .sloppy: 1e-4
        case .loose: 5e-5
        case .lax: 2e-5
        case .normal: 5e-6
        case .tight: 1e-6
        case .vtight: 1e-7
        case .extreme: 5e-8
        }
    }

    /// Largest gradient norm at convergence, Eh/Bohr (xtb's Gconv).
    public var gradientThreshold: Double {
        switch self {
        case .crude: 1e-2
        case .sloppy: 6e-3
        case .loose: 4e-3
        case .lax: 2.5e-3
        case .normal: 1e-3
        case .tight: 8e-4
        case .vtight: 2e-4
        case .extreme: 5e-5
        }
    }

    /// Cycles allowed per atom before the 200…10000 clamp.
    public var cyclesPerAtom: Int {
        switch self {
        case .crude, .sloppy: 1
        case .loose, .lax: 2
        case .normal: 3
        case .tight: 5
        case .vtight, .extreme: 20
        }
    }

    /// xtb's cycle cap for `atoms` atoms: cyclesPerAtom × atoms, clamped to 200…10000. (xtb's
    /// ANCopt may overrun it by up to one block of micro-cycles, at most 40; interscreen does not.)
    public func maxCycles(atoms: Int) -> Int {
        max(min(cyclesPerAtom * atoms, 10_000), 200)
    }

    /// The SCC accuracy xtb's documentation associates with the level (not applied; see above).
    public var documentedAccuracy: Double {
        switch self {
        case .crude, .sloppy: 3.0
        case .loose, .lax: 2.0
        case .normal: 1.0
        case .tight: 0.2
        case .vtight: 0.05
        case .extreme: 0.01
        }
    }

    /// Parses a level name as xtb spells it ("normal", "vtight", …; case-insensitive).
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
