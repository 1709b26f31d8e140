import Foundation
import XCTest

/// The data interscreen ships (the ZIF-4 crystal glass fragments are cut from) is found from the
/// executable, not the working directory: every run here is in a fresh temporary folder.
final class ToolDataCLITests: XCTestCase {
    private var crystal: String { CLIHarness.repository.appendingPathComponent("clusters/glass/ZIF-4-crystal.extxyz").path }

    private func atoms(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst(2).map { $0 }
    }

    func testBuildGlassFindsTheDefaultCrystalFromAnotherFolder() throws {
        let cli = try CLIHarness()
        let implicit = try cli.run(["build", "glass", "--zn", "1", "-o", cli.path("a.extxyz")])
        XCTAssertEqual(implicit.status, 0, implicit.stderr)
        let explicit = try cli.run(["build", "glass", "--zn", "1", "--crystal", crystal, "-o", cli.path("b.extxyz")])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        XCTAssertEqual(try atoms(cli.path("a.extxyz")), try atoms(cli.path("b.extxyz")))
        // INTERSCREEN_DATA overrides the search, and a wrong one names what was looked for.
        let elsewhere = try cli.run(["build", "glass", "-o", cli.path("c.extxyz")], environment: ["INTERSCREEN_DATA": cli.path("none")])
        XCTAssertNotEqual(elsewhere.status, 0)
        XCTAssertTrue(elsewhere.stderr.contains(cli.path("none/clusters/glass/ZIF-4-crystal.extxyz")), elsewhere.stderr)
    }

    func testAScreenSpecOutsideTheCheckoutUsesTheShippedCrystal() throws {
        let cli = try CLIHarness()
        let bulk = CLIHarness.repository.appendingPathComponent("clusters/bulk").path
        let spec = cli.path("screen.toml")
        try """
        [campaign]
        name = "outside"
        database = "outside.sqlite"

        [screen]
        k = [1]
        sites = 1
        orientations = 1
        protocol = "unrelaxed"

        [[perovskites]]
        name = "CsPbI3"
        units = 8
        active = { phase = "alpha", cell = "\(bulk)/CsPbI3-alpha.cif", bulk = "2x2x2" }
        inactive = { phase = "delta", cell = "\(bulk)/CsPbI3-delta.cif", bulk = "1x2x1" }

        [[glasses]]
        name = "ZIF-4"
        zn = 1
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let plan = try cli.run(["run", spec, "--dry-run"])
        XCTAssertEqual(plan.status, 0, plan.stdout + plan.stderr)
        XCTAssertTrue(plan.stdout.contains("CsPbI3/ZIF-4"), plan.stdout)
        let missing = try cli.run(["run", spec, "--dry-run"], environment: ["INTERSCREEN_DATA": cli.path("none")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("INTERSCREEN_DATA"), missing.stderr)
    }
}
