/// One verdict row as a prediction for a pairing: its margin, and the row it came from.
public struct PairingPrediction: Sendable, Equatable {
    /// Row id in the `verdicts` table.
    public var verdictID: Int64
    public var campaign: String
    /// Verdict (protocol) name, e.g. "frozen framework".
    public var name: String
    public var activePhase: String
    /// ΔΔE interface − n × bulk preference, kJ/mol for the whole fragment; nil when the verdict is incomplete.
    public var marginKJ: Double?
    public var formulaUnits: Double
    /// Our values of the paper's computed quantities (e.g. "interface_reaction_energy_alpha"), kJ/mol.
    public var computedValues: [String: Double]

    public init(verdictID: Int64, campaign: String, name: String, activePhase: String, marginKJ: Double?,
                formulaUnits: Double, computedValues: [String: Double] = [:]) {
        self.verdictID = verdictID
        self.campaign = campaign
        self.name = name
        self.activePhase = activePhase
        self.marginKJ = marginKJ
        self.formulaUnits = formulaUnits
        self.computedValues = computedValues
    }

    /// The prediction: margin per formula unit, kJ/mol (positive: the interface stabilises the active phase).
    public var marginPerFormulaUnit: Double? {
        guard let marginKJ, formulaUnits > 0 else { return nil }
        return marginKJ / formulaUnits
    }

    /// Predicted to stabilise the active phase (nil without a margin).
    public var stabilises: Bool? { marginPerFormulaUnit.map { $0 > 0 } }

    /// "verdict 3 (cspbi3-agzif62: frozen framework)".
    public var label: String { "verdict \(verdictID) (\(campaign): \(name))" }
}
