/// Does the interface stabilise the active phase? The comparison of the study, for one protocol.
///
/// The interface favours the active phase by ΔΔE = E_rxn(inactive) − E_rxn(active) (positive when
/// the active phase's reaction releases more energy). The bulk prefers the inactive phase by
/// n × (E_active − E_inactive) per formula unit. The interface stabilises the active phase when
/// ΔΔE exceeds that preference; the margin is the difference.
public struct PhaseVerdict: Sendable, Equatable {
    public var protocolName: String
    public var activePhase: String
    public var inactivePhase: String
    public var active: ConfigurationEnsemble
    public var inactive: ConfigurationEnsemble
    /// E(inactive) − E(active) per formula unit in bulk, kJ/mol (negative: the bulk prefers inactive).
    public var bulkInactiveMinusActive: Double
    /// Formula units n of the fragment.
    public var formulaUnits: Double
    /// Temperature of the Boltzmann weighting, K.
    public var kelvin: Double
    /// The bulk supercells come from a converged series: true, false (flagged), nil (not checked).
    public var bulkConverged: Bool?

    public init(protocolName: String, activePhase: String, inactivePhase: String, active: ConfigurationEnsemble,
                inactive: ConfigurationEnsemble, bulkInactiveMinusActive: Double, formulaUnits: Double, kelvin: Double,
                bulkConverged: Bool? = nil) {
        self.bulkConverged = bulkConverged
        self.protocolName = protocolName
        self.activePhase = activePhase
        self.inactivePhase = inactivePhase
        self.active = active
        self.inactive = inactive
        self.bulkInactiveMinusActive = bulkInactiveMinusActive
        self.formulaUnits = formulaUnits
        self.kelvin = kelvin
    }

    /// n × (E_active − E_inactive): what the interface must beat, kJ/mol.
    public var bulkPreference: Double { -bulkInactiveMinusActive * formulaUnits }

    /// ΔΔE from the lowest configuration of each phase.
    public var ddELowest: Double? {
        guard let a = active.lowest?.kJMol, let i = inactive.lowest?.kJMol else { return nil }
        return i - a
    }

    /// ΔΔE from the Boltzmann-weighted averages.
    public var ddEBoltzmann: Double? {
        guard let a = active.boltzmannAverage(kelvin: kelvin), let i = inactive.boltzmannAverage(kelvin: kelvin) else {
            return nil
        }
        return i - a
    }

    /// ΔΔE (Boltzmann) minus the bulk preference: positive means the interface wins.
    public var margin: Double? { ddEBoltzmann.map { $0 - bulkPreference } }

    /// Both phases have two or more configurations: the spread is known.
    public var spreadKnown: Bool { active.energies.count > 1 && inactive.energies.count > 1 }

    /// `uncertainty` when the spread is known, else nil (one configuration is not a spread of 0).
    public var knownUncertainty: Double? { ConfigurationEnsemble.differenceSpread(active, inactive) }

    /// "interface stabilises alpha (margin +41 ± 60 kJ/mol; ΔΔE 191 vs bulk 150)" or "… does not …".
    public var sentence: String {
        guard let margin, let dde = ddEBoltzmann else {
            return "no verdict: reactions missing for \(active.isEmpty ? activePhase : inactivePhase)"
        }
        let sign = margin >= 0 ? "+" : "−"
        let spread = knownUncertainty.map { "± \(Self.kj($0)) kJ/mol" } ?? "kJ/mol, spread unknown: \(singleConfiguration)"
        var text = "\(Self.says(margin: margin, activePhase: activePhase)) "
            + "(margin \(sign)\(Self.kj(abs(margin))) \(spread); "
            + "ΔΔE \(Self.kj(dde)) vs bulk preference \(Self.kj(bulkPreference)) kJ/mol)"
        if let sigma = knownUncertainty, abs(margin) < sigma { text += "; within the configuration spread: not conclusive" }
        if bulkConverged == false { text += "; BULK SUPERCELL SERIES NOT CONVERGED: the bulk preference is not final" }
        return text
    }

    /// "one configuration of alpha" (or of both phases).
    private var singleConfiguration: String {
        let single = [(activePhase, active), (inactivePhase, inactive)].filter { $0.1.energies.count < 2 }.map(\.0)
        return "one configuration of " + single.joined(separator: " and of ")
    }

    /// What a verdict concludes, without its numbers: "interface stabilises alpha", or
    /// "interface does not stabilise alpha; not conclusive" when the margin is within the spread.
    public static func conclusion(margin: Double, uncertainty: Double, activePhase: String) -> String {
        let says = says(margin: margin, activePhase: activePhase)
        return abs(margin) < uncertainty ? says + "; not conclusive" : says
    }

    private static func says(margin: Double, activePhase: String) -> String {
        margin > 0 ? "interface stabilises \(activePhase)" : "interface does not stabilise \(activePhase)"
    }

    static func kj(_ value: Double) -> String {
        String(Int(value.rounded()))
    }
}
