import Foundation
import XCTest

/// Golden regression of the default seed job (jobs/cspbi3-agzif62.toml) from the committed
/// geometries: a change that moves the science fails here, loudly.
///
/// Expected values are the reviewed numbers of docs/seed-study.md ("Result": α lowest −315.4,
/// Boltzmann −315.4; δ lowest −208.2, Boltzmann −207.9; ΔΔE +107.5; spread ± 42; margin −221 with
/// the bulk −41.07 kJ/mol per CsPbI3) and the per-formula-unit energies of docs/bulk.md's table
/// (α 2x2x2, δ 1x2x1). The cluster part is the job itself (12 GFN2 single points of committed
/// geometries; cluster energies are also checked against the `xtb` binary in EngineTests). The
/// periodic part runs the job's own cells in their 40-atom supercells instead of bcc-2 / 2x4x1
/// (307 s + 150 s of tblite, too slow for a test); those are checked against tblite's Python API
/// in ModelsTests. The job's nanocrystal L* is pinned too (`pinCriticalSize`). Tolerances: ±0.06 kJ/mol on numbers the doc rounds to 0.1 (libxtb is
/// deterministic to 1e-9 Eh, the rounding is the tolerance), ±0.5 on the spread and margin the doc
/// rounds to integers, ±0.01 kJ/mol on the bulk difference (the table gives 1e-9 Eh per unit).
final class SeedGoldenCLITests: XCTestCase {
    static let hartreeKJ = 2625.499639

    func testDefaultSeedJobNumbersStayPut() throws {
        let cli = try CLIHarness()
        let jobs = CLIHarness.repository.appendingPathComponent("jobs")
        var spec = try String(contentsOf: jobs.appendingPathComponent("cspbi3-agzif62.toml"), encoding: .utf8)
        let clusters = CLIHarness.repository.appendingPathComponent("clusters").path
        for (from, to) in [("\"../clusters", "\"\(clusters)"),
                           ("supercell = \"bcc-2\"\nformula_units = 32", "supercell = \"2x2x2\"\nformula_units = 8"),
                           ("supercell = \"2x4x1\"\nformula_units = 32", "supercell = \"1x2x1\"\nformula_units = 8"),
                           ("supercell = \"2x2x3\"\nformula_units = 48", "supercell = \"1x1x2\"\nformula_units = 8"),
                           ("reactants = { gamma_bulk = 2 }\nproducts = { delta_bulk = 3 }",
                            "reactants = { gamma_bulk = 1 }\nproducts = { delta_bulk = 1 }")] {
            XCTAssertTrue(spec.contains(from), "the seed job no longer has «\(from)»: update this test with it")
            spec = spec.replacingOccurrences(of: from, with: to)
        }
        let path = cli.path("seed.toml"), db = cli.path("seed.sqlite")
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        // Two worker ranks: the job's 110 tasks take half the time they take in one process.
        let run = try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", path, "--db", db],
                              executable: CampaignCLITests.mpirun)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let out = try cli.run(["verdict", "--db", db, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.compactMap { $0["name"] as? String }, ["frozen framework", "frozen framework gamma"])
        let v = try XCTUnwrap(list.first)
        let energies = try XCTUnwrap(v["reaction_energy_kj"] as? [String: [String: Double]])
        func pin(_ value: Double?, _ expected: Double, _ tolerance: Double, _ what: String) {
            XCTAssertEqual(value ?? .nan, expected, accuracy: tolerance, "\(what) moved: \(v)")
        }
        pin(energies["alpha"]?["lowest"], -315.4, 0.06, "α lowest reaction energy")
        pin(energies["alpha"]?["boltzmann"], -315.4, 0.06, "α Boltzmann reaction energy")
        pin(energies["delta"]?["lowest"], -208.2, 0.06, "δ lowest reaction energy")
        pin(energies["delta"]?["boltzmann"], -207.9, 0.06, "δ Boltzmann reaction energy")
        let dde = v["ddE_interface_kj"] as? Double
        pin(dde, 107.5, 0.06, "ΔΔE interface")
        pin(v["uncertainty_kj"] as? Double, 42, 0.5, "configuration spread")
        pin(dde.map { $0 - 8 * 41.07 }, -221, 0.5, "margin with the default job's bulk −41.07")
        let bulk40 = (-14.285830947 - -14.236690264) * Self.hartreeKJ  // docs/bulk.md: δ 1x2x1 − α 2x2x2
        pin(v["bulk_delta_minus_alpha_kj_per_unit"] as? Double, bulk40, 0.01, "bulk δ − α in 40-atom cells")
        XCTAssertEqual((v["reaction_ids"] as? [Any])?.count, 10, "bulk + 5 α + 4 δ configurations")
        XCTAssertEqual(v["bulk_converged"] as? Bool, true)
        try pinCriticalSize(v)
        try pinGamma(try XCTUnwrap(list.last))
    }

    /// The γ verdict (docs/seed-study.md, "γ, the phase the composites keep"): six configurations,
    /// lowest and Boltzmann −218.7 kJ/mol, ΔΔE +10.8, spread ± 25.4; bulk δ − γ from the 40-atom
    /// cells (docs/bulk.md: γ 1x1x2, δ 1x2x1; the job's own 2x2x3 is converged); L* bare: δ lower at every
    /// size; in the glass γ lower below 6.385 nm (cube) and 6.488 nm (sphere); γ_eff 0.222,
    /// interface −0.100 J/m². Tolerances as for α.
    private func pinGamma(_ v: [String: Any]) throws {
        XCTAssertEqual(v["active_phase"] as? String, "gamma")
        XCTAssertEqual(v["bulk_converged"] as? Bool, true, "the job's γ 2x2x3 is a converged series member")
        let energies = try XCTUnwrap(v["reaction_energy_kj"] as? [String: [String: Double]])
        XCTAssertEqual(energies["gamma"]?["lowest"] ?? .nan, -218.7, accuracy: 0.06, "γ lowest moved: \(v)")
        XCTAssertEqual(energies["gamma"]?["boltzmann"] ?? .nan, -218.7, accuracy: 0.06, "γ Boltzmann moved")
        XCTAssertEqual(v["ddE_interface_kj"] as? Double ?? .nan, 10.8, accuracy: 0.06, "γ ΔΔE moved")
        XCTAssertEqual(v["uncertainty_kj"] as? Double ?? .nan, 25.4, accuracy: 0.5, "γ spread moved")
        XCTAssertEqual((v["reaction_ids"] as? [Any])?.count, 11, "bulk + 6 γ + 4 δ configurations")
        let bulk40 = (-14.285830947 - -14.268209399) * Self.hartreeKJ  // docs/bulk.md: δ 1x2x1 − γ 1x1x2
        XCTAssertEqual(v["bulk_inactive_minus_active_kj_per_unit"] as? Double ?? .nan, bulk40, accuracy: 0.01, "bulk δ − γ moved")
        let bare = try XCTUnwrap(v["critical_size_nm_bare"] as? [String: Any])
        let glass = try XCTUnwrap(v["critical_size_nm"] as? [String: Any])
        XCTAssertEqual(bare["outcome"] as? String, "inactive at every size", "\(bare)")
        XCTAssertEqual(glass["outcome"] as? String, "active below L*", "\(glass)")
        XCTAssertEqual(glass["cube"] as? Double ?? .nan, 6.385, accuracy: 0.005, "γ L* (cube) moved: \(glass)")
        XCTAssertEqual(glass["sphere"] as? Double ?? .nan, 6.488, accuracy: 0.005, "γ L* (sphere) moved: \(glass)")
        let phases = try XCTUnwrap(v["phases"] as? [String: [String: Double]])
        XCTAssertEqual(phases["gamma"]?["surface_energy_j_m2"] ?? .nan, 0.222, accuracy: 0.001, "γ γ_eff moved")
        XCTAssertEqual(phases["gamma"]?["interface_energy_j_m2"] ?? .nan, -0.100, accuracy: 0.001, "γ interface moved")
        try pinFaceExchanges(v, ["gamma_nc_1x1x1": (-343.82, 16), "delta_nc_1x2x1": (-320.98, 8)],
                             interface: ["gamma": -0.283, "delta": 0.053], shareNm: 3.433)
    }

    /// L* from the job's molecular nanocrystals (docs/surfaces.md §8, GFN2 blocks, GFN1 beside them):
    /// bare, the shapes disagree (a 1.89-nm sphere crossing, none for the cube: the two phases are
    /// nearly degenerate there); in the glass α is lower at every size of the window; γ_eff α 0.155,
    /// δ 0.239 J/m²; interface energies α −0.286, δ +0.119 J/m². Tolerances: ±0.005 nm and
    /// ±0.001 J/m² (libxtb repeats energies to 1e-9 Eh; these move by < 1e-5 then).
    private func pinCriticalSize(_ v: [String: Any]) throws {
        let bare = try XCTUnwrap(v["critical_size_nm_bare"] as? [String: Any], "\(v)")
        let glass = try XCTUnwrap(v["critical_size_nm"] as? [String: Any], "\(v)")
        XCTAssertEqual(bare["outcome"] as? String, "cube: active at every size; sphere: L* = 1.9 nm, active below L*", "\(bare)")
        XCTAssertTrue(bare["cube"] is NSNull, "\(bare)")
        XCTAssertEqual(bare["sphere"] as? Double ?? .nan, 1.888, accuracy: 0.005, "bare L* (sphere) moved: \(bare)")
        XCTAssertEqual(glass["outcome"] as? String, "active at every size", "\(glass)")
        let phases = try XCTUnwrap(v["phases"] as? [String: [String: Double]], "\(v)")
        for (phase, surface, interface) in [("alpha", 0.155, -0.286), ("delta", 0.239, 0.119)] {
            XCTAssertEqual(phases[phase]?["surface_energy_j_m2"] ?? .nan, surface, accuracy: 0.001, "\(phase) γ_eff moved")
            XCTAssertEqual(phases[phase]?["interface_energy_j_m2"] ?? .nan, interface, accuracy: 0.001, "\(phase) interface moved")
        }
        let model = try XCTUnwrap(v["size_model"] as? [String: Any])
        XCTAssertEqual(model["method"] as? String, "gfn2")
        try pinFaceExchanges(v, ["alpha_nc_2x2x2": (-250.19, 12), "delta_nc_1x2x1": (-320.98, 8)],
                             interface: ["alpha": -0.195, "delta": 0.053], shareNm: nil)
    }

    /// Exchanges of the N-methyl-capped glass unit on the glass face of the job's own 8-unit blocks
    /// (docs/surfaces.md §9), Boltzmann over every distinct glass-facing site × four orientations
    /// (α 3 sites, γ 4, δ 2: `expected` gives each block's value and configuration count), ±0.06 kJ/mol; the interface
    /// energies they give (±0.001 J/m²) and the share "cluster vs face exchange" of L* in the glass
    /// (±0.005 nm; α has none: no L* either way, so it is named unknown).
    private func pinFaceExchanges(_ v: [String: Any], _ expected: [String: (kJ: Double, configurations: Int)],
                                  interface: [String: Double],
                                  shareNm: Double?) throws {
        let model = try XCTUnwrap(v["size_model"] as? [String: Any])
        let phases = try XCTUnwrap(model["phases"] as? [[String: Any]])
        let faces = phases.flatMap { $0["faceExchanges"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(Set(faces.compactMap { $0["block"] as? String }), Set(expected.keys), "\(faces)")
        for face in faces {
            let block = face["block"] as? String ?? "?"
            XCTAssertEqual(face["energyKJ"] as? Double ?? .nan, expected[block]?.kJ ?? .nan, accuracy: 0.06, "\(block) face exchange moved")
            XCTAssertEqual((face["reactionIDs"] as? [Any])?.count, expected[block]?.configurations, "sites × orientations of \(block)")
            XCTAssertEqual(face["flaggedConfigurations"] as? Int, try Self.flaggedFiles(of: block), "flagged configurations of \(block)")
        }
        let byPhase = try XCTUnwrap(v["phases"] as? [String: [String: Double]])
        for (phase, energy) in interface {
            XCTAssertEqual(byPhase[phase]?["face_interface_energy_j_m2"] ?? .nan, energy, accuracy: 0.001,
                           "\(phase) face interface energy moved")
        }
        let glass = try XCTUnwrap(v["critical_size_nm"] as? [String: Any])
        let terms = glass["uncertainty_terms"] as? [[String: Any]] ?? []
        let share = terms.first { $0["name"] as? String == "cluster vs face exchange" }
        XCTAssertNotNil(share, "\(glass)")
        if let shareNm {
            XCTAssertEqual(share?["share_nm"] as? Double ?? .nan, shareNm, accuracy: 0.005, "face share moved: \(glass)")
        } else {
            XCTAssertTrue((glass["uncertainty_unknown"] as? [String] ?? []).contains("cluster vs face exchange"), "\(glass)")
        }
    }

    /// How many committed relaxed products of `block`'s capped exchange say in their comment line that
    /// the relaxation was flagged (metal bonds, topology) or did not converge: read from the files'
    /// text here, not through the tool's reader.
    private static func flaggedFiles(of block: String) throws -> Int {
        let stems = ["alpha_nc_2x2x2": "CsPbI3-alpha-nc-2x2x2-on+c", "gamma_nc_1x1x1": "CsPbI3-gamma-pc-nc-1x1x1-on-b",
                     "delta_nc_1x2x1": "CsPbI3-delta-nc-1x2x1-on+c"]
        let stem = try XCTUnwrap(stems[block], block) + "_zn1-meim_k1_"
        let folder = CLIHarness.repository.appendingPathComponent("clusters/models/optimized-blocks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(stem) }
        XCTAssertFalse(files.isEmpty, stem)
        return try files.filter { name in
            let comment = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", maxSplits: 2)[1]
            let flags = comment.range(of: "flags=\"").map { comment[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
            return comment.contains("converged=F")
                || ["metal_bonds_changed", "topology_broken", "optimization_not_converged"].contains { flags.contains($0) }
        }.count
    }
}
