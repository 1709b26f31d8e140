import Foundation

/// One verdict row as a prediction for a pairing: its margin, and the row it came from.
public struct PairingPrediction: Sendable, Equatable {
    /// Row id in the `verdicts` table.
    public var verdictID: Int64
    public var campaign: String
    /// Verdict name, e.g. "frozen framework" (hand-written) or "CsPbBr3/ZIF-4" (a screen pairing).
    public var name: String
    /// The pairing predicted, e.g. "CsPbBr3/ZIF-4" (a `/`-token of the name, else the campaign).
    public var pairing: String
    /// The calculation protocol ("frozen framework", "unrelaxed"); the name when not recorded.
    public var protocolName: String
    public var activePhase: String
    /// ΔΔE interface − n × bulk preference, kJ/mol for the whole fragment; nil when the verdict is incomplete.
    public var marginKJ: Double?
    /// The configuration spread the margin must exceed to be conclusive, kJ/mol (0 when none).
    public var uncertaintyKJ: Double
    public var formulaUnits: Double
    /// The verdict's bulk supercells come from a converged series (false: left out of agreement counts).
    public var bulkConverged: Bool?
    /// When the verdict was formed (the selection rule keeps the latest).
    public var computedAt: Date
    /// Our values of the paper's computed quantities (e.g. "interface_reaction_energy_alpha"), kJ/mol.
    public var computedValues: [String: Double]
    /// The inactive phase the verdict compares with ("delta"); "" when not given.
    public var inactivePhase: String
    /// L* of particles in the glass (interface energies per area), scored against measured sizes; nil: not formed.
    public var criticalSize: CriticalSizeBand?
    /// L* of bare particles (surface energies per area), shown beside it, never scored.
    public var criticalSizeBare: CriticalSizeBand?
    /// Whether L* rests on the verdict's periodic bulk difference (slab route: true) or not
    /// (molecular nanocrystals: both phases from blocks, so an unconverged bulk series does not touch it).
    public var criticalSizeUsesBulk = true

    public init(verdictID: Int64, campaign: String, name: String, activePhase: String, marginKJ: Double?,
                formulaUnits: Double, computedValues: [String: Double] = [:], pairing: String? = nil,
                protocolName: String? = nil, uncertaintyKJ: Double = 0, computedAt: Date = Date(timeIntervalSince1970: 0),
                bulkConverged: Bool? = nil, inactivePhase: String = "", criticalSize: CriticalSizeBand? = nil,
                criticalSizeBare: CriticalSizeBand? = nil) {
        self.bulkConverged = bulkConverged
        self.inactivePhase = inactivePhase
        self.criticalSize = criticalSize
        self.criticalSizeBare = criticalSizeBare
        self.verdictID = verdictID
        self.campaign = campaign
        self.name = name
        self.pairing = pairing ?? Self.pairing(name: name, campaign: campaign)
        self.protocolName = protocolName ?? name
        self.activePhase = activePhase
        self.marginKJ = marginKJ
        self.uncertaintyKJ = uncertaintyKJ
        self.formulaUnits = formulaUnits
        self.computedAt = computedAt
        self.computedValues = computedValues
    }

    /// The first `/`-token of a verdict name ("CsPbBr3/ZIF-4 8fu" → "CsPbBr3/ZIF-4"), else the campaign.
    public static func pairing(name: String, campaign: String) -> String {
        name.split(whereSeparator: \.isWhitespace).first { $0.contains("/") }.map(String.init) ?? campaign
    }

    /// The prediction: margin per formula unit, kJ/mol (positive: the interface stabilises the active phase).
    public var marginPerFormulaUnit: Double? {
        guard let marginKJ, formulaUnits > 0 else { return nil }
        return marginKJ / formulaUnits
    }

    /// Predicted to stabilise the active phase (nil without a margin).
    public var stabilises: Bool? { marginPerFormulaUnit.map { $0 > 0 } }

    /// The margin is within the configuration spread: no sign is claimed (as the verdict says).
    public var isConclusive: Bool { marginKJ.map { abs($0) >= uncertaintyKJ } ?? false }

    /// "CsPbBr3/ZIF-4 (verdict 3, campaign screen: name, alpha vs delta)": the phases it used are named.
    public var label: String {
        let phases = inactivePhase.isEmpty ? activePhase : "\(activePhase) vs \(inactivePhase)"
        return "\(pairing) (verdict \(verdictID), \(campaign): \(name), \(phases))"
    }
}
