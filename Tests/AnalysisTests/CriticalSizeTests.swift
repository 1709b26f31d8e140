import Analysis
import XCTest

/// The critical-size model on numbers worked out by hand (in the comments, not with this code).
///
/// Unit bookkeeping used throughout: 1000 Å³ = 1 nm³ = 1e-27 m³, so v^(2/3) = 1 nm² = 1e-18 m²;
/// Δμ = 6.02214076 kJ/mol per unit = 6022.14076 J / 6.02214076e23 = 1e-20 J per formula unit.
final class CriticalSizeTests: XCTestCase {
    private let dmu = 6.02214076  // kJ/mol → exactly 1e-20 J per formula unit

    private func phases(va: Double = 1000, vi: Double = 1000, ga: Double, gi: Double,
                        mua: Double = 6.02214076, mui: Double = 0) -> (ParticlePhase, ParticlePhase) {
        (ParticlePhase(name: "alpha", bulkKJPerMol: mua, volumePerUnit: va, boundaryJPerM2: ga),
         ParticlePhase(name: "delta", bulkKJPerMol: mui, volumePerUnit: vi, boundaryJPerM2: gi))
    }

    /// Equal volumes, γ_i − γ_a = 0.1 J/m², Δg_v = 1e-20 J / 1e-27 m³ = 1e7 J/m³:
    /// L* = 6 · 0.1 / 1e7 = 6e-8 m = 60 nm (DESIGN §5). Cube: N*^(1/3) = 6 · 1e-18 · 0.1 / 1e-20 = 60,
    /// N* = 216000, edge = 60 · 1 nm.
    func testCubeWithEqualVolumesMatchesTheClosedForm() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let model = CriticalSize(active: a, inactive: i, shape: .cube)
        guard case let .activeBelow(units, size) = model.outcome else { return XCTFail("\(model.outcome)") }
        XCTAssertEqual(units, 216_000, accuracy: 1e-6)
        XCTAssertEqual(size, 60, accuracy: 1e-9)
    }

    /// Sphere: k = (36π)^(1/3) = 4.8359758; N*^(1/3) = 4.8359758 · 1e-18 · 0.1 / 1e-20 = 48.359758,
    /// N* = 36π · 1000 = 113097.34; diameter = (6 N* v / π)^(1/3) = (216000 nm³)^(1/3) = 60 nm:
    /// the same length as the cube edge (both shapes have A/V = 6/size), fewer units.
    func testSphereDiameterEqualsCubeEdgeWithFewerUnits() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let model = CriticalSize(active: a, inactive: i, shape: .sphere)
        guard case let .activeBelow(units, size) = model.outcome else { return XCTFail("\(model.outcome)") }
        XCTAssertEqual(units, 113_097.335529, accuracy: 1e-4)
        XCTAssertEqual(size, 60, accuracy: 1e-9)
    }

    /// Different densities: v_a = 1000 Å³ (v^(2/3) = 1e-18 m²), v_i = 8000 Å³ (4e-18 m²),
    /// γ_a = 0.5, γ_i = 0.2: v_i^(2/3)γ_i − v_a^(2/3)γ_a = 0.8e-18 − 0.5e-18 = 0.3e-18 J;
    /// cube N*^(1/3) = 6 · 0.3e-18 / 1e-20 = 180, N* = 5 832 000, edge 180 nm — although γ_a > γ_i,
    /// because the less dense inactive phase has more boundary per formula unit.
    func testEachPhaseUsesItsOwnVolumePerUnit() {
        let (a, i) = phases(va: 1000, vi: 8000, ga: 0.5, gi: 0.2)
        let model = CriticalSize(active: a, inactive: i, shape: .cube)
        guard case let .activeBelow(units, size) = model.outcome else { return XCTFail("\(model.outcome)") }
        XCTAssertEqual(units, 5_832_000, accuracy: 1e-3)
        XCTAssertEqual(size, 180, accuracy: 1e-9)
    }

    /// G(N) = N·μ + 6·(N v)^(2/3)·γ at N = 1000 (cube, v = 1000 Å³ → volume 1000 nm³, area 600 nm²):
    /// active 1000 · 1e-20 + 600e-18 · 0.3 = 1e-17 + 1.8e-16 = 1.9e-16 J;
    /// inactive 0 + 600e-18 · 0.4 = 2.4e-16 J. Active lower, as N = 1000 < N* = 216000.
    func testFreeEnergyPerParticle() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        XCTAssertEqual(a.freeEnergy(units: 1000, shape: .cube), 1.9e-16, accuracy: 1e-28)
        XCTAssertEqual(i.freeEnergy(units: 1000, shape: .cube), 2.4e-16, accuracy: 1e-28)
        // At N* = 216000 (216000 nm³, area 6 · 3600 nm²) they cross: active 2.16e-15 + 21600e-18 · 0.3
        // = 8.64e-15 J; inactive 21600e-18 · 0.4 = 8.64e-15 J.
        XCTAssertEqual(i.freeEnergy(units: 216_000, shape: .cube), 8.64e-15, accuracy: 1e-27)
        XCTAssertEqual(a.freeEnergy(units: 216_000, shape: .cube), i.freeEnergy(units: 216_000, shape: .cube),
                       accuracy: 1e-27)
    }

    /// The three other sign cases of (Δμ, S).
    func testOutcomesWithoutACriticalSizeBelow() {
        let never = phases(ga: 0.4, gi: 0.3)                  // bulk and boundary both favour δ
        XCTAssertEqual(CriticalSize(active: never.0, inactive: never.1, shape: .cube).outcome, .inactiveAtEverySize)
        let always = phases(ga: 0.3, gi: 0.4, mua: -1, mui: 0) // both favour α
        XCTAssertEqual(CriticalSize(active: always.0, inactive: always.1, shape: .cube).outcome, .activeAtEverySize)
        // Bulk favours α by 1e-20 J, boundary favours δ by 0.1 J/m²: α above 60 nm.
        let above = phases(ga: 0.4, gi: 0.3, mua: -dmu, mui: 0)
        guard case let .activeAbove(_, size) = CriticalSize(active: above.0, inactive: above.1, shape: .cube).outcome
        else { return XCTFail() }
        XCTAssertEqual(size, 60, accuracy: 1e-9)
    }

    /// Bare vs glass: the glass lowers γ_a by 0.15 and γ_i by 0.05 J/m² (binding per area):
    /// bare γ_i − γ_a = 0.4 − 0.3 = 0.1 → 60 nm; glass 0.35 − 0.15 = 0.2 → 120 nm. L* grows when the
    /// glass binds the active phase more strongly.
    func testGlassThatBindsTheActivePhaseMoreRaisesTheCriticalSize() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let bare = CriticalSize(active: a, inactive: i, shape: .cube).outcome.sizeNm!
        var ga = a, gi = i
        ga.boundaryJPerM2 -= 0.15
        gi.boundaryJPerM2 -= 0.05
        let glass = CriticalSize(active: ga, inactive: gi, shape: .cube).outcome.sizeNm!
        XCTAssertEqual(bare, 60, accuracy: 1e-9)
        XCTAssertEqual(glass, 120, accuracy: 1e-9)
    }

    /// L = C/Δμ · (γ_i − γ_a) with L = 60 nm at Δμ, γ_i − γ_a = 0.1:
    /// σ(γ_i) = 0.01 → 60 · 0.01/0.1 = 6 nm; σ(γ_a) = 0.02 → 12 nm (L linear in γ);
    /// σ(Δμ) = 0.1 Δμ → ½(L(0.9Δμ) − L(1.1Δμ)) = ½ · 60 · (1/0.9 − 1/1.1) = 30 · 0.2/0.99 = 6.060606 nm.
    /// Total √(36 + 144 + 36.730946) = √216.730946 = 14.721785 nm; conclusive (σ < 60).
    func testUncertaintyAddsNamedTermsInQuadrature() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let estimate = CriticalSizeEstimate(model: CriticalSize(active: a, inactive: i, shape: .cube), terms: [
            UncertaintyTerm(name: "configuration spread", input: .inactiveBoundary, sigma: 0.01),
            UncertaintyTerm(name: "slab thickness", input: .activeBoundary, sigma: 0.02),
            UncertaintyTerm(name: "supercell convergence", input: .bulk, sigma: 0.1 * dmu),
        ])
        let shares = estimate.shares.map(\.nm)
        XCTAssertEqual(shares[0], 6, accuracy: 1e-9)
        XCTAssertEqual(shares[1], 12, accuracy: 1e-9)
        XCTAssertEqual(shares[2], 6.060606, accuracy: 1e-6)
        XCTAssertEqual(estimate.sigmaNm ?? .nan, 14.721785, accuracy: 1e-6)
        XCTAssertTrue(estimate.conclusive)
    }

    /// One configuration per phase: the spread is unknown, named, and the estimate not conclusive.
    func testUnknownSpreadIsNamedAndNotConclusive() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let estimate = CriticalSizeEstimate(model: CriticalSize(active: a, inactive: i, shape: .cube), terms: [
            UncertaintyTerm(name: "configuration spread", input: .activeBoundary, sigma: nil),
            UncertaintyTerm(name: "supercell convergence", input: .bulk, sigma: 0.1 * dmu),
        ])
        XCTAssertEqual(estimate.unknownTerms, ["configuration spread"])
        XCTAssertEqual(estimate.sigmaNm ?? .nan, 6.060606, accuracy: 1e-6)
        XCTAssertFalse(estimate.conclusive)
    }

    /// σ larger than the margin of the boundary term: moving γ_i down by 0.2 loses the crossing,
    /// so no σ is claimed and the estimate is not conclusive.
    func testUncertaintyThatLosesTheCrossingIsNotConclusive() {
        let (a, i) = phases(ga: 0.3, gi: 0.4)
        let estimate = CriticalSizeEstimate(model: CriticalSize(active: a, inactive: i, shape: .cube), terms: [
            UncertaintyTerm(name: "configuration spread", input: .inactiveBoundary, sigma: 0.2),
        ])
        XCTAssertNil(estimate.sigmaNm)
        XCTAssertFalse(estimate.conclusive)
    }
}
