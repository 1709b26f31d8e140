import Foundation
import Store
import XCTest

/// A relaxed geometry's file says how its optimisation ended (`flags=`, `converged=F`, as
/// scripts/export-optimized writes them). A campaign using the file keeps that on the task that
/// computes it, and a geometry its own run left out (topology broken) stays out of reactions.
final class InputFileFlagsCLITests: XCTestCase {
    private static func water(_ comment: String, _ shift: Double) -> String {
        """
        3
        Properties=species:S:1:pos:R:3 \(comment)
        O 0.000 0.000 \(0.117 + shift)
        H 0.000 0.757 -0.467
        H 0.000 -0.757 -0.467

        """
    }

    func testTheInputFilesFlagsStayWithTheTasksAndExcludeABrokenGeometry() throws {
        let cli = try CLIHarness()
        try Self.water(#"converged=T flags="metal_bonds_changed: topology rearranged (flagged): new metal bond Zn 1–N 2""#, 0)
            .write(toFile: cli.path("bonded.extxyz"), atomically: true, encoding: .utf8)
        try Self.water("converged=F", 0.01).write(toFile: cli.path("unconverged.extxyz"), atomically: true, encoding: .utf8)
        try Self.water(#"converged=T flags="topology_broken: a proton migrated""#, 0.02)
            .write(toFile: cli.path("broken.extxyz"), atomically: true, encoding: .utf8)
        try Self.water("converged=T", 0.03).write(toFile: cli.path("clean.extxyz"), atomically: true, encoding: .utf8)
        try """
            [campaign]
            name = "flags"
            database = "flags.sqlite"

            [defaults]
            gfn = 2
            task = "sp"

            [[structures]]
            files = "*.extxyz"

            [[structures]]
            name = "bonded-relaxed"
            files = "bonded.extxyz"
            task = "opt+sp"

            [[reactions]]
            name = "clean to unconverged"
            reactants = { clean = 1 }
            products = { unconverged = 1 }

            [[reactions]]
            name = "clean to broken"
            reactants = { clean = 1 }
            products = { broken = 1 }
            """.write(toFile: cli.path("flags.toml"), atomically: true, encoding: .utf8)
        let run = try cli.run(["run", cli.path("flags.toml")])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)

        let store = try ResultsStore(path: cli.path("flags.sqlite"))
        let flags = Dictionary(uniqueKeysWithValues: try store.tasks(campaign: "flags").map { ($0.key, $0.flags.map(\.text)) })
        XCTAssertEqual(flags["bonded/sp"], ["input_file: metal_bonds_changed: topology rearranged (flagged): new metal bond Zn 1–N 2"])
        XCTAssertEqual(flags["unconverged/sp"], ["input_file: optimization_not_converged"])
        XCTAssertEqual(flags["broken/sp"], ["input_file: topology_broken: a proton migrated"])
        XCTAssertEqual(flags["clean/sp"], [])
        // An optimisation starts from the file's geometry: the flag goes on it, not on the single point after.
        XCTAssertEqual(flags["bonded-relaxed/opt"]?.first, flags["bonded/sp"]?.first)
        XCTAssertEqual(flags["bonded-relaxed/sp"], [])

        let reactions = Dictionary(uniqueKeysWithValues: try store.reactions(campaign: "flags").map { ($0.name, $0) })
        XCTAssertEqual(reactions["clean to unconverged"]?.status, .done, "flagged, not excluded")
        let broken = try XCTUnwrap(reactions["clean to broken"])
        XCTAssertEqual(broken.status, .excluded)
        XCTAssertTrue(broken.message?.contains("input_file: topology_broken: a proton migrated") ?? false, broken.message ?? "")
    }

    /// The stored text reads back as the same flag; only a named topology break excludes, and SCC
    /// retries do not mark a geometry.
    func testTheFlagReadsBackAndSaysWhatItMarks() {
        let broken = TaskFlag(text: "input_file: topology_broken: a proton migrated")
        XCTAssertEqual(broken, .inputFile("topology_broken: a proton migrated"))
        XCTAssertEqual(broken.text, "input_file: topology_broken: a proton migrated")
        XCTAssertTrue(broken.excludesFromReactions)
        XCTAssertTrue(broken.marksGeometry)
        let bonds = TaskFlag.inputFile("metal_bonds_changed: new metal bond Pb 5–I 81")
        XCTAssertFalse(bonds.excludesFromReactions)
        XCTAssertTrue(bonds.marksGeometry)
        let retried = TaskFlag.inputFile("scc_retry_more_iterations")
        XCTAssertFalse(retried.excludesFromReactions)
        XCTAssertFalse(retried.marksGeometry)
        XCTAssertFalse(TaskFlag.sccRetryMoreIterations.marksGeometry)
        XCTAssertTrue(TaskFlag.optimizationNotConverged.marksGeometry)
    }
}
