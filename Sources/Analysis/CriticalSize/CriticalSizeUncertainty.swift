import Foundation

/// One named contribution to the uncertainty of a critical size: a standard uncertainty of one
/// input (Δμ in kJ/mol per formula unit, or one phase's γ in J/m²), or "unknown" (nil) when it
/// could not be estimated — one configuration has no spread, a series that did not converge has
/// no convergence error.
public struct UncertaintyTerm: Sendable, Equatable, Codable {
    /// The input a term moves.
    public enum Input: String, Sendable, Codable {
        case bulk, activeBoundary, inactiveBoundary
    }

    /// What it is: "configuration spread", "supercell convergence", "GFN2 vs GFN1", "slab thickness".
    public var name: String
    public var input: Input
    /// Standard uncertainty in the input's unit; nil: unknown.
    public var sigma: Double?

    public init(name: String, input: Input, sigma: Double?) {
        self.name = name
        self.input = input
        self.sigma = sigma
    }
}

/// L* with its uncertainty, propagated to first order: each term moves its input by ±σ, the
/// half-difference of L* is that term's share, and the shares add in quadrature (independent
/// errors). Terms whose σ is unknown are named, not guessed: the total is then a lower bound.
public struct CriticalSizeEstimate: Sendable, Equatable {
    public var model: CriticalSize
    public var terms: [UncertaintyTerm]

    public init(model: CriticalSize, terms: [UncertaintyTerm]) {
        self.model = model
        self.terms = terms
    }

    public var sizeNm: Double? { model.outcome.sizeNm }

    /// Share of each known term, nm (same order as the known terms).
    public var shares: [(name: String, nm: Double)] {
        terms.compactMap { term in
            guard let sigma = term.sigma, let plus = moved(term.input, by: sigma),
                  let minus = moved(term.input, by: -sigma) else { return nil }
            return (term.name, abs(plus - minus) / 2)
        }
    }

    /// √Σ share², nm; nil when there is no critical size or a move loses the crossing.
    public var sigmaNm: Double? {
        guard sizeNm != nil else { return nil }
        let known = terms.filter { $0.sigma != nil }
        guard shares.count == known.count else { return nil }
        return shares.reduce(0) { $0 + $1.nm * $1.nm }.squareRoot()
    }

    /// Names of the terms whose σ is unknown.
    public var unknownTerms: [String] { terms.filter { $0.sigma == nil }.map(\.name) }

    /// Conclusive when every term is known and L* stands clear of its uncertainty (σ < L*).
    public var conclusive: Bool {
        guard let size = sizeNm, let sigma = sigmaNm else { return false }
        return unknownTerms.isEmpty && sigma < size
    }

    /// L* with one input moved by `delta` (kJ/mol or J/m²); nil when the crossing disappears.
    private func moved(_ input: UncertaintyTerm.Input, by delta: Double) -> Double? {
        var m = model
        switch input {
        case .bulk: m.active.bulkKJPerMol += delta
        case .activeBoundary: m.active.boundaryJPerM2 += delta
        case .inactiveBoundary: m.inactive.boundaryJPerM2 += delta
        }
        guard m.outcome.sizeNm != nil, sameKind(m.outcome, model.outcome) else { return nil }
        return m.outcome.sizeNm
    }

    private func sameKind(_ a: CriticalSize.Outcome, _ b: CriticalSize.Outcome) -> Bool {
        a.label == b.label
    }
}
