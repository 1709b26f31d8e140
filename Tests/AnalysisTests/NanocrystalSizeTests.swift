import Analysis
import Foundation
import XCTest

/// The nanocrystal size model (fit, crossing, uncertainty) on synthetic blocks whose energies are
/// written from chosen parameters, so every expected number is the chosen one or a hand formula.
///
/// Units: Δμ = 6.02214076 kJ/mol per unit is exactly 1e-20 J; a cubic cell of 10 Å holds one unit
/// (v = 1000 Å³ = 1 nm³); 1 J/m² = 1/435.97447 Eh/Å².
final class NanocrystalSizeTests: XCTestCase {
    private let kJ = NanocrystalFit.kJPerHartree
    private let jm2 = SizeUnits.joulePerSquareMetrePerHartreePerSquareAngstrom

    /// Cubic blocks n×n×m of a one-unit cell of edge `a` with E = Nμ + Aγ + βN ln L (+ noise).
    private func blocks(_ name: String, a: Double = 10, mu: Double, gammaJM2: Double, betaKJ: Double = 0,
                        noiseKJ: [Double] = []) -> [NanocrystalEnergy] {
        let shapes = [(2, 2, 2), (2, 2, 3), (3, 3, 3), (3, 3, 4), (4, 4, 4), (4, 4, 5)]
        return shapes.enumerated().map { k, s in
            let (x, y, z) = (Double(s.0) * a, Double(s.1) * a, Double(s.2) * a)
            let n = Double(s.0 * s.1 * s.2), area = 2 * (x * y + y * z + x * z), volume = x * y * z
            let e = n * mu / kJ + area * gammaJM2 / jm2 + n * betaKJ / kJ * log(pow(volume, 1.0 / 3.0))
                + (k < noiseKJ.count ? noiseKJ[k] / kJ : 0)
            return NanocrystalEnergy(name: "\(name)_\(s)", formulaUnits: n, boxAreaA2: area, boxVolumeA3: volume,
                                     surfaceBSites: area / (a * a), energyHartree: e,
                                     faceAreasA2: [2 * y * z, 2 * z * x, 2 * x * y], repeats: [s.0, s.1, s.2])
        }
    }

    func testExactEnergiesGiveBackTheirParameters() throws {
        let fit = try NanocrystalFit(blocks("alpha", mu: -37_000, gammaJM2: 0.25, betaKJ: -4))
        XCTAssertEqual(fit.muHartree * kJ, -37_000, accuracy: 1e-6)
        XCTAssertEqual(fit.surfaceEnergyJM2!, 0.25, accuracy: 1e-9)
        XCTAssertEqual(fit.betaKJPerMol, -4, accuracy: 1e-7)
        XCTAssertLessThan(fit.rmsResidualKJ, 1e-6)
        XCTAssertEqual(fit.volumePerUnit, 1000, accuracy: 1e-9)
    }

    /// Straight-line regression y = c + d·x has var(d) = s² / Σ(x − x̄)² (any statistics text);
    /// the general covariance must reduce to it.
    func testCovarianceOfAStraightLineMatchesTheTextbookFormula() throws {
        let x = [1.0, 2, 4, 5, 7], y = [2.1, 3.9, 8.2, 9.8, 14.1]
        let fit = try LinearLeastSquares(rows: x.map { [1, $0] }, values: y)
        let mx = x.reduce(0, +) / 5, sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * $1.1 }
        let d = sxy / sxx, c = y.reduce(0, +) / 5 - d * mx
        let s2 = zip(x, y).reduce(0) { $0 + pow($1.1 - c - d * $1.0, 2) } / 3
        XCTAssertEqual(fit.parameters[1], d, accuracy: 1e-12)
        XCTAssertEqual(fit.parameters[0], c, accuracy: 1e-12)
        XCTAssertEqual(fit.covariance![1][1], s2 / sxx, accuracy: 1e-12)
        XCTAssertEqual(fit.degreesOfFreedom, 3)
    }

    /// An orthorhombic cell (a = 10, b = 5, c = 20 Å, 4 units) with face energies 0.1 (bc), 0.4 (ca)
    /// and 0.2 (ab) J/m²: each is recovered, γ_eff = (0.1 · 0.4 · 0.2)^(1/3) = 0.008^(1/3) = 0.2, and
    /// the surface-site density is the Wulff box's.
    /// A cubic cell's three families are one group.
    func testFaceEnergiesOfAnOrthorhombicCell() throws {
        let (a, b, c) = (10.0, 5.0, 20.0), gamma = [0.1, 0.4, 0.2]
        let shapes = [[1, 2, 1], [1, 3, 1], [2, 2, 1], [2, 3, 1], [2, 4, 1], [1, 4, 2], [3, 4, 1], [2, 6, 2]]
        let points = shapes.map { r -> NanocrystalEnergy in
            let (x, y, z) = (Double(r[0]) * a, Double(r[1]) * b, Double(r[2]) * c)
            let faces = [2 * y * z, 2 * z * x, 2 * x * y], n = Double(4 * r[0] * r[1] * r[2])
            let e = n * -37_000 / kJ + zip(faces, gamma).reduce(0) { $0 + $1.0 * $1.1 / jm2 }
            let sites = 0.01 * faces[0] + 0.02 * faces[2]
            return NanocrystalEnergy(name: "\(r)", formulaUnits: n, boxAreaA2: faces.reduce(0, +), boxVolumeA3: x * y * z,
                                     surfaceBSites: sites, energyHartree: e, faceAreasA2: faces, repeats: r)
        }
        let fit = try NanocrystalFit(points)
        XCTAssertEqual(fit.faces.count, 3)
        for (got, want) in zip(fit.faceEnergiesJM2, gamma) { XCTAssertEqual(got, want, accuracy: 1e-8) }
        XCTAssertEqual(fit.surfaceEnergyJM2!, 0.2, accuracy: 1e-8)
        XCTAssertEqual(fit.betaKJPerMol, 0, accuracy: 1e-6)
        // Sites 0.01 / 0 / 0.02 per Å² on the bc / ca / ab faces; a Wulff box exposes each family in
        // proportion to 1/γ = 10 : 2.5 : 5, so ρ = (10·0.01 + 5·0.02) / 17.5 = 0.2 / 17.5 per Å².
        XCTAssertEqual(SizePhase(name: "delta", fit: fit).surfaceSitesPerA2, 0.2 / 17.5, accuracy: 1e-10)
        let cubic = try NanocrystalFit(blocks("alpha", mu: 0, gammaJM2: 0.3))
        XCTAssertEqual(cubic.faces.count, 1)
    }

    /// Two equal cell faces of three (|a| = |c| ≠ |b|, as γ-CsPbI3 on its pseudo-cubic cell) are still
    /// two families: blocks written with different γ on them give both back, not their mean.
    func testEqualAreasOfTwoFamiliesDoNotMergeThem() throws {
        let (a, b, c) = (10.0, 12.0, 10.0), gamma = [0.3, 0.2, 0.25]
        let shapes = [[1, 1, 1], [1, 1, 2], [2, 1, 1], [1, 2, 1], [1, 1, 3], [3, 1, 1], [2, 2, 1]]
        let points = shapes.map { r -> NanocrystalEnergy in
            let (x, y, z) = (Double(r[0]) * a, Double(r[1]) * b, Double(r[2]) * c)
            let faces = [2 * y * z, 2 * z * x, 2 * x * y], n = Double(r[0] * r[1] * r[2])
            let e = n * -37_000 / kJ + zip(faces, gamma).reduce(0) { $0 + $1.0 * $1.1 / jm2 }
            return NanocrystalEnergy(name: "\(r)", formulaUnits: n, boxAreaA2: faces.reduce(0, +), boxVolumeA3: x * y * z,
                                     surfaceBSites: 1, energyHartree: e, faceAreasA2: faces, repeats: r)
        }
        let fit = try NanocrystalFit(points)
        XCTAssertEqual(fit.faces.groupOf, [0, 1, 2])
        XCTAssertEqual(fit.faces.labels, ["bc", "ca", "ab"])
        for (got, want) in zip(fit.faceEnergiesJM2, gamma) { XCTAssertEqual(got, want, accuracy: 1e-8) }
        XCTAssertLessThan(fit.rmsResidualKJ, 1e-6)
    }

    /// Δμ 20 times larger (120.44 kJ/mol = 2e-19 J per unit) moves L* to 60/20 = 3 nm, inside 2× the
    /// largest block (4.3 nm): no extrapolation term.
    func testAnLStarWithinTheBlocksIsNoExtrapolation() throws {
        let crossing = SizeCrossing(active: SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 120.4428152, gammaJM2: 0.3))),
                                    inactive: SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.4))),
                                    shape: .cube)
        let estimate = SizeEstimate(crossing, alternative: crossing, glass: false, exchangeSigmaKJ: nil)
        XCTAssertEqual(estimate.sizeNm!, 3, accuracy: 1e-6)
        XCTAssertEqual(estimate.unknownTerms, [])
    }

    func testTooFewBlocksAreRefusedByName() {
        let three = Array(blocks("delta", mu: 0, gammaJM2: 0.1).prefix(2))
        XCTAssertThrowsError(try NanocrystalFit(three)) { error in
            XCTAssertEqual("\(error)", "2 points for 3 parameters: need at least 3")
        }
    }

    /// Without log terms the crossing must be the closed form: equal volumes (1 nm³), Δμ = 1e-20 J,
    /// γ_i − γ_a = 0.1 J/m²: L* = 6 · 0.1 / 1e7 J/m³ = 60 nm for the cube edge and the sphere diameter.
    func testWithoutTheLogTermTheCrossingIsTheClosedForm() throws {
        let active = SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 6.02214076, gammaJM2: 0.3)))
        let inactive = SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.4)))
        for shape in ParticleShape.allCases {
            let outcome = SizeCrossing(active: active, inactive: inactive, shape: shape).outcome()
            guard case let .activeBelow(_, size) = outcome else { return XCTFail("\(shape): \(outcome)") }
            XCTAssertEqual(size, 60, accuracy: 1e-6, "\(shape)")
        }
    }

    /// A log term in one phase only: G_a − G_i per unit = Δμ + (6γ_a/L − 6γ_i/L)·v/… + β ln L.
    /// With γ equal in both phases and Δμ = 0, the sign is that of β ln L: β_a = +1 kJ/mol per
    /// e-fold makes the active phase higher above L = 1 Å, so no crossing in the window
    /// (inactive at every size), and β_a = −1 the reverse.
    func testTheLogTermAloneDecidesWhenNothingElseDiffers() throws {
        let inactive = SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.3)))
        for (beta, expected) in [(1.0, CriticalSize.Outcome.inactiveAtEverySize), (-1.0, .activeAtEverySize)] {
            let active = SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 0, gammaJM2: 0.3, betaKJ: beta)))
            XCTAssertEqual(SizeCrossing(active: active, inactive: inactive, shape: .cube).outcome(), expected)
        }
    }

    /// The glass term is θ·ρ·ΔE with ρ = 1 surface site per 100 Å² (the blocks' a = 10 Å) and ΔE
    /// chosen so that θρΔE = −0.1 J/m² at θ = 1 on the active phase: γ_i − γ_a grows from 0.1 to
    /// 0.2 J/m², so the bare 60 nm becomes 6 · 0.2 / 1e7 = 120 nm; θ = 0.5 gives 0.15 → 90 nm.
    func testTheGlassTermShiftsTheBoundaryEnergy() throws {
        let active = SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 6.02214076, gammaJM2: 0.3)))
        let inactive = SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.4)))
        let perSiteKJ = -0.1 / jm2 * 100 * kJ
        let glass = active.inGlass(coverage: 1, exchangeKJ: perSiteKJ)
        XCTAssertEqual(glass.boundaryJM2!, 0.2, accuracy: 1e-9)
        XCTAssertEqual(SizeCrossing(active: glass, inactive: inactive, shape: .cube).outcome().sizeNm!, 120, accuracy: 1e-6)
        let half = active.inGlass(coverage: 0.5, exchangeKJ: perSiteKJ)
        XCTAssertEqual(SizeCrossing(active: half, inactive: inactive, shape: .cube).outcome().sizeNm!, 90, accuracy: 1e-6)
    }

    /// The face check: with the glass term from face exchanges that give θρΔE = −0.05 instead of
    /// −0.1 J/m² on the active phase, L* is 6 · 0.15 / 1e7 = 90 nm instead of 120, so the share
    /// "cluster vs face exchange" is 30 nm; a face set that cannot be formed leaves it unknown, and
    /// a spec without faces has no such term.
    func testTheFaceExchangeShareIsTheChangeOfLStar() throws {
        let active = SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 6.02214076, gammaJM2: 0.3)))
        let inactive = SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.4)))
        let perSiteKJ = -0.1 / jm2 * 100 * kJ
        let cluster = SizeCrossing(active: active.inGlass(coverage: 1, exchangeKJ: perSiteKJ), inactive: inactive, shape: .cube)
        let face = SizeCrossing(active: active.inGlass(coverage: 1, exchangeKJ: perSiteKJ / 2), inactive: inactive, shape: .cube)
        let name = "cluster vs face exchange"
        let checked = SizeEstimate(cluster, alternative: nil, glass: true, exchangeSigmaKJ: nil, faceExchange: .some(face))
        XCTAssertEqual(checked.terms.first { $0.name == name }?.shareNm ?? -1, 30, accuracy: 1e-6)
        let missing = SizeEstimate(cluster, alternative: nil, glass: true, exchangeSigmaKJ: nil, faceExchange: .some(nil))
        XCTAssertTrue(missing.unknownTerms.contains(name), "\(missing.terms)")
        let unasked = SizeEstimate(cluster, alternative: nil, glass: true, exchangeSigmaKJ: nil)
        XCTAssertFalse(unasked.terms.contains { $0.name == name })
        let bare = SizeEstimate(cluster, alternative: nil, glass: false, exchangeSigmaKJ: nil, faceExchange: .some(face))
        XCTAssertFalse(bare.terms.contains { $0.name == name }, "bare particles have no glass term to check")
    }

    /// Exact data leave no residual, so the fit shares vanish; noisy data give a positive share;
    /// without a GFN1 series the method term is unknown and named.
    func testFitSharesAndUnknownTerms() throws {
        let exact = SizeCrossing(active: SizePhase(name: "alpha", fit: try NanocrystalFit(blocks("a", mu: 6.02214076, gammaJM2: 0.3))),
                                 inactive: SizePhase(name: "delta", fit: try NanocrystalFit(blocks("d", mu: 0, gammaJM2: 0.4))),
                                 shape: .cube)
        let e = SizeEstimate(exact, alternative: nil, glass: false, exchangeSigmaKJ: nil)
        XCTAssertEqual(e.terms.first { $0.name == "fit (alpha)" }?.shareNm ?? -1, 0, accuracy: 1e-3)
        XCTAssertEqual(e.unknownTerms, ["GFN2 vs GFN1", "extrapolation: L* is beyond 2× the largest block (4.3 nm)"],
                       "60 nm from blocks of at most (4·4·5)^(1/3) nm = 4.3 nm")
        let noisy = SizeCrossing(active: SizePhase(name: "alpha", fit: try NanocrystalFit(
            blocks("a", mu: 6.02214076, gammaJM2: 0.3, noiseKJ: [0.5, -0.4, 0.3, -0.6, 0.2, -0.1]))),
                                 inactive: exact.inactive, shape: .cube)
        let n = SizeEstimate(noisy, alternative: exact, glass: true, exchangeSigmaKJ: 5)
        XCTAssertGreaterThan(n.terms.first { $0.name == "fit (alpha)" }!.shareNm!, 0)
        XCTAssertEqual(n.terms.first { $0.name == "GFN2 vs GFN1" }!.shareNm!, abs(n.sizeNm! - 60), accuracy: 1e-6)
        XCTAssertNotNil(n.terms.first { $0.name == "exchange configuration spread" }!.shareNm)
        XCTAssertEqual(n.unknownTerms, ["extrapolation: L* is beyond 2× the largest block (4.3 nm)"])
        let band = SizeEstimate.band([n])
        XCTAssertEqual(band.lowNm!, n.sizeNm!, accuracy: 1e-12)
        XCTAssertEqual(band.outcome, "active below L*")
    }
}
