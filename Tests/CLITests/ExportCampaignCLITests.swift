import Foundation
import Processes
import Store
import XCTest

/// `export --format extxyz --campaign NAME`: one campaign of a shared database, with forces that
/// ASE reads as −gradient in eV/Å.
final class ExportCampaignCLITests: XCTestCase {
    func testCampaignFramesCarryForcesASEReads() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let spec = try fixture.writeSpec(name: "shared")
        let db = cli.path("job.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", db]).status, 0)
        // A calculation of no campaign in the same database.
        XCTAssertEqual(try cli.run(["sp", CLIHarness.fragment("Zn-Im2-HIm2"), "--db", db]).status, 0)
        let store = try ResultsStore(path: db)
        let campaignIDs = Set(try store.tasks(campaign: "shared").compactMap(\.calculationID))
        let expected = try store.calculations().filter { $0.id.map(campaignIDs.contains) ?? false }
        XCTAssertEqual(try store.calculations().count, expected.count + 1)

        let file = cli.path("shared.extxyz")
        let export = try cli.run(["export", "--db", db, "--format", "extxyz", "--campaign", "shared", "-o", file])
        XCTAssertEqual(export.status, 0, export.stderr)
        guard SinglePointCLITests.pythonHasASE else { return XCTFail("python3 cannot import ase: run scripts/setup") }
        let script = """
            import ase.io, json, sys
            frames = ase.io.read(sys.argv[1], ":")
            print(json.dumps([{"hash": f.info["hash"], "forces": f.get_forces().tolist()} for f in frames]))
            """
        let read = try cli.run(["python3", "-c", script, file], executable: URL(fileURLWithPath: "/usr/bin/env"))
        XCTAssertEqual(read.status, 0, read.stderr)
        let frames = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(frames.count, expected.count, "only the campaign's calculations")
        // eV/Å per Eh/Bohr = 27.211386245988 / 0.529177210903 (CODATA 2018, as xtb uses).
        let perBohr = 27.211386245988 / 0.529177210903
        let byHash = Dictionary(expected.map { ($0.structureHash, $0) }, uniquingKeysWith: { a, _ in a })
        for frame in frames {
            let calc = try XCTUnwrap(byHash[frame["hash"] as? String ?? ""], "\(frame["hash"] ?? "")")
            let forces = try XCTUnwrap(frame["forces"] as? [[Double]])
            XCTAssertEqual(forces.count, calc.gradient.count)
            for (f, g) in zip(forces, calc.gradient) {
                for k in 0..<3 { XCTAssertEqual(f[k], -g[k] * perBohr, accuracy: 1e-9 * max(1, abs(f[k]))) }
            }
        }
        let unknown = try cli.run(["export", "--db", db, "--format", "extxyz", "--campaign", "nope"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("no campaign \"nope\"") && unknown.stderr.contains("shared"), unknown.stderr)
    }
}
