import Foundation
import Store
import XCTest

/// `interscreen verdict --json` on a real tiny campaign plus stored surface energies: L* beside the
/// paper's cluster criterion. The expected L* is the closed form of DESIGN §5 for equal volumes per
/// unit, L* = 6·|γ_i − γ_a| / |Δg_v|, Δg_v = Δμ / v, written out here, not taken from our code.
final class VerdictCriticalSizeCLITests: XCTestCase {
    func testVerdictJSONCarriesCriticalSizesAndPhaseSurfaceEnergies() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "pa")
        let bulk = try XCTUnwrap(try pairings.verdicts().first?["bulk_delta_minus_alpha_kj_per_unit"] as? Double)
        // Boundary energies chosen so that the boundary favours the phase the bulk disfavours.
        let (ga, gi) = bulk < 0 ? (0.3, 0.4) : (0.4, 0.3)
        let store = try ResultsStore.open(path: pairings.database, access: .create)
        for (phase, gamma) in [("alpha", ga), ("delta", gi)] {
            try store.saveSurfaceEnergy(SurfaceEnergyRecord(
                kind: "surface", phase: phase, cellHash: "cell-\(phase)", formula: "CsPbI3", miller: "001",
                termination: "CsI", method: "gfn2", surfaceEnergyJM2: gamma, converged: true, layers: 7, supercell: "4x4",
                natoms: 272, relaxed: false, excess: "Cs16I16", excessReference: "test", volumePerUnit: 1000, notes: ""))
        }
        let v = try XCTUnwrap(try pairings.verdicts().first)
        // Δg_v = |bulk| kJ/mol / (6.02214076e23 · 1e-27 m³) J/m³; L* = 6 · 0.1 / Δg_v m → nm.
        let dgv = abs(bulk) * 1000 / 6.02214076e23 / 1e-27
        let expected = 6 * 0.1 / dgv * 1e9
        let bare = try XCTUnwrap(v["critical_size_nm_bare"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(bare["cube"] as? Double), expected, accuracy: 1e-9 * expected)
        XCTAssertEqual(try XCTUnwrap(bare["sphere"] as? Double), expected, accuracy: 1e-9 * expected)
        // No GFN1 twin stored: that term is unknown, named, and no band is given.
        XCTAssertTrue((bare["uncertainty_unknown"] as? [String])?.contains("GFN2 vs GFN1 (alpha)") ?? false, "\(bare)")
        XCTAssertTrue(bare["band_nm"] is NSNull, "\(bare)")
        let glass = try XCTUnwrap(v["critical_size_nm"] as? [String: Any])
        XCTAssertTrue(glass["value"] is NSNull, "no interface energies stored: \(glass)")
        let phases = try XCTUnwrap(v["phases"] as? [String: [String: Any]])
        XCTAssertEqual(phases["alpha"]?["surface_energy_j_m2"] as? Double, ga)
        XCTAssertTrue(phases["delta"]?["interface_energy_j_m2"] is NSNull)
        XCTAssertTrue((v["cluster_criterion"] as? String)?.contains("the paper's") ?? false)
    }
}
