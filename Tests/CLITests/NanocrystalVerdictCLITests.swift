import Foundation
import TestSupport
import XCTest

/// A verdict with `nanocrystals` end to end: a real campaign (GFN1, α-CsPbI3 blocks of 1–12 and δ
/// whole-ribbon blocks of 8–24 formula units), then `verdict --json`, whose size model is recomputed
/// by an independent numpy script (Oracles/nanocrystal_size.py): every point's energy equals its
/// calculation row, each phase's fit (one γ for cubic α, three face energies for orthorhombic δ)
/// equals numpy's least squares, the surface-site density and interface energy per area in the glass
/// equal numpy's, and L* in the glass equals numpy's own crossing (or both find none); exchanges on
/// block faces (here stand-in reactions between blocks) are grouped per block, Boltzmann-averaged,
/// and their share of L* equals numpy's L* with the largest blocks' values.
final class NanocrystalVerdictCLITests: XCTestCase {
    static func spec(cells: String) -> String {
        let alpha = ["1x1x1", "1x1x2", "1x2x2", "2x2x2", "2x2x3"]
        let delta = ["1x2x1", "1x3x1", "1x4x1", "2x2x1", "1x2x2", "2x3x1"]
        let blocks = alpha.map { ("alpha", $0) } + delta.map { ("delta", $0) }
        let small = "\n[[structures]]\nname = \"small_delta\"\nfiles = \"\(cells)/CsPbI3-delta.extxyz\"\nnanocrystal = \"1x1x1\"\n"
        return """
            [campaign]
            name = "ncv"
            database = "ncv.sqlite"

            [defaults]
            gfn = 1
            task = "sp"

            """ + blocks.map { phase, r in
                "\n[[structures]]\nname = \"\(phase)_nc_\(r)\"\nfiles = \"\(cells)/CsPbI3-\(phase).extxyz\"\nnanocrystal = \"\(r)\"\n"
            }.joined() + small + """

            [[reactions]]
            name = "bulk"
            reactants = { alpha_nc_1x1x1 = 4 }
            products = { small_delta = 1 }
            normalize = { per = "CsPbI3", from = "alpha_nc_1x1x1" }

            [[reactions]]
            name = "iface alpha"
            reactants = { alpha_nc_2x2x2 = 1 }
            products = { alpha_nc_1x2x2 = 2 }

            [[reactions]]
            name = "iface delta"
            reactants = { small_delta = 2 }
            products = { delta_nc_1x2x1 = 1 }

            [[reactions]]
            name = "face alpha 1x1x2"
            reactants = { alpha_nc_1x1x2 = 2 }
            products = { alpha_nc_1x2x2 = 1 }

            [[reactions]]
            name = "face alpha 1x2x2 a"
            reactants = { alpha_nc_1x2x2 = 2 }
            products = { alpha_nc_2x2x2 = 1 }

            [[reactions]]
            name = "face alpha 1x2x2 b"
            reactants = { alpha_nc_1x2x2 = 2 }
            products = { alpha_nc_1x1x2 = 4 }

            [[reactions]]
            name = "face delta 1x2x1"
            reactants = { delta_nc_1x2x1 = 2 }
            products = { delta_nc_2x2x1 = 1 }

            [[verdicts]]
            name = "blocks"
            active_phase = "alpha"
            inactive_phase = "delta"
            active = "iface alpha"
            inactive = "iface delta"
            bulk = "bulk"
            formula_units = 8
            nanocrystals = { active = "alpha_nc_*", inactive = "delta_nc_*", face_active = "face alpha *", face_inactive = "face delta *" }
            """
    }

    /// The same campaign run again without one δ block (its task row stays in the database): the
    /// size model is formed from the current plan only, so the dropped block is no point.
    private func checkADroppedBlockIsNotFitted(_ cli: CLIHarness) throws {
        let cells = CLIHarness.repository.appendingPathComponent("clusters/bulk").path
        let dropped = "\n[[structures]]\nname = \"delta_nc_2x3x1\"\nfiles = \"\(cells)/CsPbI3-delta.extxyz\"\nnanocrystal = \"2x3x1\"\n"
        let spec = Self.spec(cells: cells)
        XCTAssertTrue(spec.contains(dropped))
        try spec.replacingOccurrences(of: dropped, with: "").write(toFile: cli.path("ncv.toml"), atomically: true, encoding: .utf8)
        let run = try cli.run(["run", cli.path("ncv.toml")])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let verdict = try cli.run(["verdict", "--db", cli.path("ncv.sqlite"), "--json"])
        let object = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(verdict.stdout.utf8)) as? [[String: Any]])?.first)
        let phases = try XCTUnwrap((object["size_model"] as? [String: Any])?["phases"] as? [[String: Any]])
        let names = phases.flatMap { ($0["points"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        XCTAssertEqual(names.count, 10, "\(names)")
        XCTAssertFalse(names.contains("delta_nc_2x3x1"), "\(names)")
    }

    func testTheSizeModelMatchesAnIndependentRecomputation() throws {
        let python = try SizeModelOracle.python()
        let cli = try CLIHarness()
        let cells = CLIHarness.repository.appendingPathComponent("clusters/bulk").path
        try Self.spec(cells: cells).write(toFile: cli.path("ncv.toml"), atomically: true, encoding: .utf8)
        let run = try cli.run(["run", cli.path("ncv.toml")])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let verdict = try cli.run(["verdict", "--db", cli.path("ncv.sqlite"), "--json"])
        XCTAssertEqual(verdict.status, 0, verdict.stderr)
        let object = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(verdict.stdout.utf8)) as? [[String: Any]])?.first)
        let model = try XCTUnwrap(object["size_model"] as? [String: Any], verdict.stdout)
        let phases = try XCTUnwrap(model["phases"] as? [[String: Any]])
        XCTAssertEqual(phases.map { ($0["points"] as? [Any])?.count ?? 0 }.reduce(0, +), 11, "every block is a point")
        let faces = phases.map { ($0["faceExchanges"] as? [[String: Any]] ?? []).compactMap { $0["block"] as? String } }
        XCTAssertEqual(faces, [["alpha_nc_1x1x2", "alpha_nc_1x2x2"], ["delta_nc_1x2x1"]], "one entry per block, smallest first")

        let glass = try SizeModelOracle.check(object, faces: ["alpha": 1, "delta": 3], database: cli.path("ncv.sqlite"),
                                              python: python, cli)
        // These stand-in energies cross in the glass with either set of exchanges, so the face share
        // is a number numpy reproduces, not an unknown.
        let terms = glass["uncertainty_terms"] as? [[String: Any]] ?? []
        XCTAssertNotNil(terms.first { $0["name"] as? String == "cluster vs face exchange" }?["share_nm"] as? Double, "\(terms)")
        let table = try cli.run(["verdict", "--db", cli.path("ncv.sqlite")])
        XCTAssertTrue(table.stdout.contains("| critical size in the glass (alpha vs delta) | \(glass["text"] as? String ?? "?") |"),
                      table.stdout)
        // Each block's face value says how many configurations it averages.
        let faceRow = try XCTUnwrap(table.stdout.split(separator: "\n").first { $0.hasPrefix("| exchange on block faces, alpha |") })
        XCTAssertTrue(faceRow.contains("(1 configuration)") && faceRow.contains("Boltzmann over 2 configurations, lowest"),
                      String(faceRow))
        try checkADroppedBlockIsNotFitted(cli)
    }
}
