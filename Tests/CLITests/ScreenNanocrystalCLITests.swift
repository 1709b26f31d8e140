import Foundation
import TestSupport
import XCTest

/// A pairing matrix whose phases carry `nanocrystals` end to end: CsPbI3 (α, with γ on its
/// pseudo-cubic cell as a further active phase, against δ) with a one-Zn glass, GFN1, as-built single
/// points. α (cubic) has one face energy; γ's pseudo-cubic cell three, though two of its faces have
/// equal areas (they are different terminations), and δ three.
/// γ's L* in the glass falls inside the window here, so its crossing is compared as a number. Each active phase's
/// verdict gets its own size model from the blocks the matrix cut, with the screen's coverage and the
/// pairing's own exchange energies, and both models equal the independent numpy recomputation.
final class ScreenNanocrystalCLITests: XCTestCase {
    static func spec(cells: String) -> String {
        func phase(_ name: String, _ cell: String, bulk: String, _ blocks: [String]) -> String {
            "{ phase = \"\(name)\", cell = \"\(cells)/CsPbI3-\(cell).extxyz\", bulk = \"\(bulk)\", nanocrystals = ["
                + blocks.map { "\"\($0)\"" }.joined(separator: ", ") + "] }"
        }
        let alpha = phase("alpha", "alpha", bulk: "2x2x2", ["1x1x1", "1x1x2", "1x2x2", "2x2x2", "2x2x3"])
        let gamma = phase("gamma", "gamma-pc", bulk: "1x1x1", ["1x1x1", "1x1x2", "1x2x1", "2x1x1", "1x1x3", "1x3x1"])
        let delta = phase("delta", "delta", bulk: "1x2x1", ["1x2x1", "1x3x1", "1x4x1", "2x2x1", "1x2x2", "2x3x1"])
        return """
            [campaign]
            name = "scnc"
            database = "scnc.sqlite"

            [defaults]
            gfn = 1

            [screen]
            k = [1]
            sites = 2
            orientations = 1
            protocol = "unrelaxed"
            coverage = 0.5

            [[perovskites]]
            name = "CsPbI3"
            units = 8
            active = \(alpha)
            also_active = [\(gamma)]
            inactive = \(delta)

            [[glasses]]
            name = "ZIF-62"
            zn = 1
            """
    }

    func testEachActivePhaseGetsAnIndependentlyCheckedSizeModel() throws {
        let python = try SizeModelOracle.python()
        let cli = try CLIHarness()
        let cells = CLIHarness.repository.appendingPathComponent("clusters/bulk").path
        try Self.spec(cells: cells).write(toFile: cli.path("scnc.toml"), atomically: true, encoding: .utf8)

        let dry = try cli.run(["run", cli.path("scnc.toml"), "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr + dry.stdout)
        XCTAssertTrue(dry.stdout.contains("CsPbI3/ZIF-62: L* from nanocrystals alpha CsPbI3-alpha-nc-* (5 blocks) against delta CsPbI3-delta-nc-* (6 blocks), coverage 0.5"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("CsPbI3/ZIF-62 gamma: L* from nanocrystals gamma CsPbI3-gamma-nc-* (6 blocks) against delta"), dry.stdout)

        let run = try cli.run(["run", cli.path("scnc.toml")])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let verdict = try cli.run(["verdict", "--db", cli.path("scnc.sqlite"), "--json"])
        XCTAssertEqual(verdict.status, 0, verdict.stderr)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(verdict.stdout.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: objects.compactMap { o in (o["name"] as? String).map { ($0, o) } })
        XCTAssertEqual(Set(byName.keys), ["CsPbI3/ZIF-62", "CsPbI3/ZIF-62 gamma"])

        var deltaRows: [[Int]] = []
        for (name, active, blocks) in [("CsPbI3/ZIF-62", "alpha", 5), ("CsPbI3/ZIF-62 gamma", "gamma", 6)] {
            let object = try XCTUnwrap(byName[name])
            XCTAssertEqual(object["active_phase"] as? String, active)
            XCTAssertEqual(object["critical_size_source"] as? String, "molecular nanocrystals (docs/surfaces.md §8)")
            let model = try XCTUnwrap(object["size_model"] as? [String: Any], name)
            XCTAssertEqual(model["coverage"] as? Double, 0.5, "the screen's coverage reaches the verdict")
            let phases = try XCTUnwrap(model["phases"] as? [[String: Any]])
            XCTAssertEqual(phases.compactMap { $0["name"] as? String }, [active, "delta"])
            let points = phases.map { $0["points"] as? [[String: Any]] ?? [] }
            XCTAssertEqual(points.map(\.count), [blocks, 6], "every block of the phase is a point of its fit")
            XCTAssertTrue(points[0].allSatisfy { ($0["name"] as? String)?.hasPrefix("CsPbI3-\(active)-nc-") == true }, "\(points[0])")
            deltaRows.append(points[1].compactMap { $0["calculationID"] as? Int }.sorted())
            let glass = try SizeModelOracle.check(object, faces: [active: active == "alpha" ? 1 : 3, "delta": 3],
                                                  database: cli.path("scnc.sqlite"), python: python, cli)
            if active == "gamma" {
                XCTAssertNotNil(glass["cube"] as? Double, "γ crosses δ inside the window in the glass, so the oracle "
                    + "compares an L*, not null with null: \(glass)")
            }
        }
        let table = try cli.run(["verdict", "--db", cli.path("scnc.sqlite")])
        let faceRows = table.stdout.split(separator: "\n").filter { $0.contains("J/m² (faces bc / ca / ab: ") }
        XCTAssertEqual(faceRows.count, 3, "δ's three face families (in both verdicts) and γ's: \(table.stdout)")
        // The ranking shows each pairing's L* in the glass beside its cluster verdict: γ's band, α's outcome.
        let gammaCube = try XCTUnwrap((byName["CsPbI3/ZIF-62 gamma"]?["critical_size_nm"] as? [String: Any])?["cube"] as? Double)
        let gammaRow = try XCTUnwrap(table.stdout.split(separator: "\n").first { $0.contains(" CsPbI3/ZIF-62 gamma | ") })
        let rank = gammaRow.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(rank[7].hasSuffix("(active below L*)") || rank[7].hasSuffix("(active above L*)"), rank[7])
        let bounds = rank[7].components(separatedBy: " (")[0].components(separatedBy: "–").compactMap(Double.init)
        XCTAssertEqual(bounds.count, 2, rank[7])
        XCTAssertTrue(bounds[0] - 0.05 <= gammaCube && gammaCube <= bounds[1] + 0.05, "\(bounds) holds the cube L* \(gammaCube)")
        XCTAssertEqual(deltaRows[0], deltaRows[1], "both verdicts fit the same δ blocks (one task each)")
    }
}
