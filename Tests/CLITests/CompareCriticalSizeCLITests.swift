import Foundation
import Store
import XCTest

/// `interscreen compare` scoring a critical size L* against measured particle sizes, end to end: a
/// real tiny campaign (α and γ verdicts against δ), interface energies per area stored in its SQLite
/// file, a measured CSV. L* is the closed form of DESIGN §5 for equal volumes per unit,
/// L* = 6·(γ_i − γ_a)/Δg_v, written out here; outcomes follow from the rule by hand.
final class CompareCriticalSizeCLITests: XCTestCase {
    /// Interface rows: per phase two GFN2 configurations (γ and γ + 0.02) and a GFN1 twin of the
    /// lowest (γ + 0.005), converged, vacuum not flagged, 1000 Å³ per unit. Returns L* in nm.
    func storeInterfaces(_ database: String, bulk: Double) throws -> Double {
        let (ga, gi) = bulk < 0 ? (0.3, 0.4) : (0.4, 0.3)
        let store = try ResultsStore.open(path: database, access: .create)
        for (phase, gamma) in [("alpha", ga), ("delta", gi)] {
            for (termination, method, value) in [("A", "gfn2", gamma), ("B", "gfn2", gamma + 0.02), ("A", "gfn1", gamma + 0.005)] {
                try store.saveSurfaceEnergy(SurfaceEnergyRecord(
                    kind: "interface", phase: phase, cellHash: "cell-\(phase)", formula: "CsPbI3", miller: "001",
                    termination: termination, method: method, surfaceEnergyJM2: value, converged: true, layers: 7,
                    supercell: "4x4", natoms: 300, relaxed: false, excess: "", excessReference: nil, volumePerUnit: 1000,
                    notes: ""))
            }
        }
        // Δg_v = |bulk| kJ/mol / (6.02214076e23 · 1e-27 m³) J/m³; L* = 6 · 0.1 / Δg_v m → nm.
        return 6 * 0.1 / (abs(bulk) * 1000 / 6.02214076e23 / 1e-27) * 1e9
    }

    func writeMeasured(_ cli: CLIHarness, low: Double, high: Double, name: String) throws -> String {
        let text = """
            pairing,perovskite,glass,composition,sintering_temperature_C,quantity,value,unit,kind,source
            cspbi3-agzif62,CsPbI3,agZIF-62,0.40,350,gamma_phase_retention,near_complete,qualitative,measured,"test, not data"
            cspbi3-agzif62,CsPbI3,agZIF-62,0.25,250,particle_size,\(low)..\(high),nm,measured,"test, not data"

            """
        let path = cli.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func compare(_ cli: CLIHarness, _ database: String, _ measured: String) throws -> [[String: Any]] {
        let out = try cli.run(["compare", "--db", database, "--measured", measured, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(json["critical_size"] as? [[String: Any]])
    }

    func testCriticalSizeAgainstMeasuredSizesForBothActivePhases() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "cspbi3-agzif62", bulkConverged: true, gamma: true)
        let before = try pairings.verdicts()
        XCTAssertEqual(before.compactMap { $0["active_phase"] as? String }.sorted(), ["alpha", "gamma"])
        let bulk = try XCTUnwrap(before.first?["bulk_delta_minus_alpha_kj_per_unit"] as? Double)
        // The σ bound below needs |bulk| ≥ 2 kJ/mol (the bulk term's share is about L* · 0.5/|bulk|).
        XCTAssertGreaterThan(abs(bulk), 2, "stand-in bulk difference")
        let lstar = try storeInterfaces(pairings.database, bulk: bulk)

        // verdict --json: L* of the α verdict with every term known; none for γ (no γ energies stored).
        let verdicts = try pairings.verdicts()
        let alpha = try XCTUnwrap(verdicts.first { $0["active_phase"] as? String == "alpha" })
        let glass = try XCTUnwrap(alpha["critical_size_nm"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(glass["cube"] as? Double), lstar, accuracy: 1e-9 * lstar)
        XCTAssertEqual(try XCTUnwrap(glass["sphere"] as? Double), lstar, accuracy: 1e-9 * lstar)
        XCTAssertEqual(glass["uncertainty_unknown"] as? [String], [])
        // Shares by hand, as fractions of L*: slab 0.01/0.1 per phase, GFN2 vs GFN1 0.005/0.1 per phase,
        // configuration spread 0.01414/0.1 per phase, bulk ≤ 0.25: √(2·0.01 + 2·0.0025 + 2·0.02 + 0.0625) < 0.36.
        let sigma = try XCTUnwrap(glass["sigma_nm"] as? Double)
        XCTAssertGreaterThan(sigma, 0)
        XCTAssertLessThan(sigma, 0.36 * lstar)
        let names = (glass["uncertainty_terms"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        XCTAssertEqual(Set(names), ["supercell convergence", "slab convergence (alpha)", "GFN2 vs GFN1 (alpha)",
                                    "configuration spread (alpha)", "slab convergence (delta)", "GFN2 vs GFN1 (delta)",
                                    "configuration spread (delta)"])
        let gamma = try XCTUnwrap(verdicts.first { $0["active_phase"] as? String == "gamma" })
        let none = try XCTUnwrap(gamma["critical_size_nm"] as? [String: Any])
        XCTAssertTrue(none["value"] is NSNull)
        XCTAssertTrue((none["reason"] as? String)?.contains("gamma") ?? false, "\(none)")

        // Small particles (0.1–0.3 L*) lie below L* − σ. With the bulk preferring δ the active phase is
        // lower below L*: predicted kept, observed kept (near-complete γ) → agree; otherwise predicted lost.
        let small = try compare(cli, pairings.database, try writeMeasured(cli, low: 0.1 * lstar, high: 0.3 * lstar, name: "small.csv"))
        XCTAssertEqual(small.count, 2, "one per active phase")
        let smallAlpha = try XCTUnwrap(small.first { $0["active_phase"] as? String == "alpha" })
        XCTAssertEqual(smallAlpha["outcome"] as? String, bulk < 0 ? "agree" : "disagree")
        XCTAssertEqual(smallAlpha["predicted_kept"] as? Bool, bulk < 0)
        XCTAssertEqual(smallAlpha["observed_kept"] as? Bool, true)
        let smallGamma = try XCTUnwrap(small.first { $0["active_phase"] as? String == "gamma" })
        XCTAssertEqual(smallGamma["outcome"] as? String, "not conclusive", "no γ L*: never agree or disagree")

        // Particles around L* (0.9–1.1 L*) reach into the band: not conclusive.
        let near = try compare(cli, pairings.database, try writeMeasured(cli, low: 0.9 * lstar, high: 1.1 * lstar, name: "near.csv"))
        XCTAssertEqual(near.first { $0["active_phase"] as? String == "alpha" }?["outcome"] as? String, "not conclusive")

        // Large particles (3–5 L*) lie above L* + σ: the opposite prediction.
        let large = try compare(cli, pairings.database, try writeMeasured(cli, low: 3 * lstar, high: 5 * lstar, name: "large.csv"))
        XCTAssertEqual(large.first { $0["active_phase"] as? String == "alpha" }?["outcome"] as? String,
                       bulk < 0 ? "disagree" : "agree")

        // Text: the counts, both phases named; the report's table.
        let measured = cli.path("small.csv")
        let text = try cli.run(["compare", "--db", pairings.database, "--measured", measured])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Critical size (L* in the glass vs measured particle sizes): "
                                           + (bulk < 0 ? "1 agree, 0 disagree" : "0 agree, 1 disagree") + ", 1 not conclusive"),
                      text.stdout)
        XCTAssertTrue(text.stdout.contains("frozen framework, alpha vs delta)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("frozen framework gamma, gamma vs delta)"), text.stdout)
        let out = cli.path("report")
        let report = try cli.run(["report", "--db", pairings.database, "--out", out, "--measured", measured])
        XCTAssertEqual(report.status, 0, report.stderr)
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("Critical size versus measured particle sizes"), markdown)
        XCTAssertTrue(markdown.contains("active phase gamma, inactive delta"), "the γ verdict's table names its phase")
        XCTAssertTrue(markdown.contains("| critical size in the glass (alpha vs delta) | L\\* = "), markdown)
        let table = try cli.run(["verdict", "--db", pairings.database])
        XCTAssertTrue(table.stdout.contains("active phase gamma, inactive delta"), table.stdout)
        XCTAssertTrue(table.stdout.contains("| critical size in the glass (alpha vs delta) | L* = "), table.stdout)
    }
}
