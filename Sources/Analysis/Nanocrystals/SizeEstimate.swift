import Foundation

/// L* of one shape from the nanocrystal fits, with named uncertainty shares (nm).
///
/// Terms: "fit (phase)": the fit's covariance propagated to L* to first order (central
/// differences of one standard error per parameter, then √(gᵀCg), so the strong μ–β correlation is
/// kept); "GFN2 vs GFN1": |L*(GFN2) − L*(GFN1)| when both series were fitted; "exchange spread"
/// (in the glass): ΔE of the active phase's exchange moved by the verdict's configuration spread.
/// A term whose share cannot be formed (no covariance, no second method, a move that loses the
/// crossing) is unknown and named; so is an L* beyond `extrapolationFactor` × the largest block.
public struct SizeEstimate: Sendable, Equatable {
    /// One share of the uncertainty; nil: unknown.
    public struct Term: Sendable, Equatable {
        public var name: String
        public var shareNm: Double?
    }

    public let crossing: SizeCrossing
    public let outcome: CriticalSize.Outcome
    public let terms: [Term]

    /// - Parameters:
    ///   - alternative: the same crossing with the other method's fits (GFN1), when there are any.
    ///   - exchangeSigmaKJ: configuration spread of ΔΔE per exchange (glass only; nil: unknown).
    ///   - faceExchange: when the spec names exchanges on block faces (glass only): `.some` with the
    ///     crossing whose glass terms use the largest blocks' face exchange energies instead of the
    ///     clusters', `.some(nil)` when they could not be formed; its share "cluster vs face
    ///     exchange" is |L* − L*(face)|.
    public init(_ crossing: SizeCrossing, alternative: SizeCrossing?, glass: Bool, exchangeSigmaKJ: Double?,
                coverage: Double = 1, faceExchange: SizeCrossing?? = .none) {
        self.crossing = crossing
        outcome = crossing.outcome()
        let size = outcome.sizeNm
        var terms = [Self.fitTerm(crossing, active: true, crosses: size != nil),
                     Self.fitTerm(crossing, active: false, crosses: size != nil)]
        let other = alternative?.outcome().sizeNm
        terms.append(Term(name: "GFN2 vs GFN1", shareNm: size != nil && other != nil ? abs(size! - other!) : nil))
        if glass {
            terms.append(Term(name: "exchange configuration spread",
                              shareNm: exchangeSigmaKJ.flatMap { Self.exchangeShare(crossing, sigmaKJ: $0, coverage: coverage) }))
            if case .some(let face) = faceExchange {
                let faceSize = face?.outcome().sizeNm
                terms.append(Term(name: "cluster vs face exchange",
                                  shareNm: size != nil && faceSize != nil ? abs(size! - faceSize!) : nil))
            }
        }
        let largest = max(crossing.active.fit.largestSizeNm, crossing.inactive.fit.largestSizeNm)
        if let size, size > Self.extrapolationFactor * largest {
            terms.append(Term(name: String(format: "extrapolation: L* is beyond %.0f× the largest block (%.1f nm)",
                                           Self.extrapolationFactor, largest), shareNm: nil))
        }
        self.terms = terms
    }

    /// An L* more than this many times the largest computed block's size is the fit's extrapolation,
    /// not a result: its share is unknown (the log term's β is barely constrained by small blocks).
    public static let extrapolationFactor = 2.0

    public var sizeNm: Double? { outcome.sizeNm }

    /// √Σ share² over the known terms; nil without L*.
    public var sigmaNm: Double? {
        let known = terms.compactMap(\.shareNm)
        guard sizeNm != nil, !known.isEmpty else { return nil }
        return known.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    public var unknownTerms: [String] { terms.filter { $0.shareNm == nil }.map(\.name) }

    /// The band over the shapes, for verdict, compare and the report.
    public static func band(_ estimates: [SizeEstimate]) -> CriticalSizeBand {
        let sizes = estimates.compactMap(\.sizeNm)
        let complete = !sizes.isEmpty && sizes.count == estimates.count
        var unknown: [String] = []
        for name in estimates.flatMap(\.unknownTerms) where !unknown.contains(name) { unknown.append(name) }
        let labels = estimates.map(\.outcome.label)
        let agree = Set(labels).count <= 1
        let label = agree ? labels.first ?? "unknown"
            : zip(estimates, labels).map { "\($0.crossing.shape.rawValue): \(Self.describe($0.outcome, $1))" }.joined(separator: "; ")
        let reason = agree ? "no critical size between \(SizeCrossing.windowNm.lowerBound) and "
            + "\(SizeCrossing.windowNm.upperBound) nm: \(label)" : "the shapes disagree (\(label))"
        return CriticalSizeBand(outcome: label, lowNm: complete ? sizes.min() : nil, highNm: complete ? sizes.max() : nil,
                                sigmaNm: complete ? estimates.compactMap(\.sigmaNm).max() : nil, unknownTerms: unknown,
                                reason: complete ? nil : reason)
    }

    /// "L* = 1.9 nm, active below L*" or the outcome alone.
    static func describe(_ outcome: CriticalSize.Outcome, _ label: String) -> String {
        outcome.sizeNm.map { String(format: "L* = %.1f nm, %@", $0, label) } ?? label
    }

    /// First-order share of one phase's fit: √(gᵀCg), g by central differences of ±1 standard error.
    static func fitTerm(_ crossing: SizeCrossing, active: Bool, crosses: Bool) -> Term {
        let phase = active ? crossing.active : crossing.inactive
        let name = "fit (\(phase.name))"
        guard let c = phase.fit.covariance, crosses else { return Term(name: name, shareNm: nil) }
        let p = phase.fit.parameterVector
        var g: [Double] = []
        for i in c.indices {
            let h = c[i][i].squareRoot()
            guard h > 0 else { g.append(0); continue }
            var (up, down) = (p, p)
            up[i] += h
            down[i] -= h
            let moved = [up, down].map { q in
                (active ? crossing.crossings(active: q) : crossing.crossings(inactive: q)).first
            }
            guard let plus = moved[0], let minus = moved[1] else {
                return Term(name: "\(name): L* leaves 0.5–1000 nm within one standard error", shareNm: nil)
            }
            g.append((plus - minus) / (2 * h))
        }
        let variance = c.indices.reduce(0.0) { s, i in s + c.indices.reduce(0.0) { $0 + g[i] * c[i][$1] * g[$1] } }
        return Term(name: name, shareNm: max(variance, 0).squareRoot())
    }

    /// Half the change of L* when the active phase's exchange energy moves by ±σ.
    static func exchangeShare(_ crossing: SizeCrossing, sigmaKJ: Double, coverage: Double) -> Double? {
        let perArea = coverage * crossing.active.surfaceSitesPerA2 * sigmaKJ / NanocrystalFit.kJPerHartree
        let sizes = [perArea, -perArea].map { delta -> Double? in
            var moved = crossing
            moved.active.glassHartreePerA2 += delta
            return moved.outcome().sizeNm
        }
        guard let plus = sizes[0], let minus = sizes[1] else { return nil }
        return abs(plus - minus) / 2
    }
}
