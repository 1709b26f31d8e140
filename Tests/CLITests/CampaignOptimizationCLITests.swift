import Foundation
import Store
import Structures
import XCTest

/// Optimisations run by a campaign are stored like `interscreen opt` ones: the optimisation row,
/// its cycles and its output, linked to the task.
final class CampaignOptimizationCLITests: XCTestCase {
    func testCampaignOptimisationRowsMatchTheOptCommand() throws {
        let cli = try CLIHarness()
        let input = try distortedImidazole(cli)
        let table = "[[structures]]\nname = \"him-distorted\"\nfiles = \"\(input)\"\ntask = \"opt+sp\"\nopt_level = \"normal\"\n"
        let spec = try CampaignFixture(cli: cli).writeSpec(extraStructures: [table])
        let mpi = try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec,
                               "--db", cli.path("mpi.sqlite")], executable: CampaignCLITests.mpirun)
        XCTAssertEqual(mpi.status, 0, mpi.stdout + mpi.stderr)
        let alone = try cli.run(["run", spec, "--db", cli.path("alone.sqlite")])
        XCTAssertEqual(alone.status, 0, alone.stdout + alone.stderr)
        let direct = try cli.run(["opt", input, "--level", "normal", "--db", cli.path("opt.sqlite"), "--json"])
        XCTAssertEqual(direct.status, 0, direct.stderr)
        let reference = try XCTUnwrap(try ResultsStore(path: cli.path("opt.sqlite")).optimizations().first)

        for db in ["mpi.sqlite", "alone.sqlite"] {
            let store = try ResultsStore(path: cli.path(db))
            let task = try XCTUnwrap(try store.tasks().first { $0.kind == "optimization" }, db)
            let rows = try store.optimizations()
            XCTAssertEqual(rows.count, 1, "\(db): one optimisation row per optimisation task")
            let row = try XCTUnwrap(rows.first)
            XCTAssertEqual(row.inputHash, task.inputHash, db)
            XCTAssertEqual(row.outputHash, task.outputHash, db)
            XCTAssertEqual(row.runID, task.runID, db)
            XCTAssertTrue(row.converged, db)
            XCTAssertEqual(row.level, .normal, db)
            let steps = try store.optimizationSteps(id: try XCTUnwrap(row.id))
            XCTAssertEqual(steps.count, row.cycles, "\(db): every cycle stored")
            XCTAssertEqual(steps.last?.energyHartree.map { $0 >= row.energyHartree }, true, db)
            let calculation = try XCTUnwrap(try store.calculations().first { $0.id == task.calculationID })
            XCTAssertEqual(calculation.energyHartree, row.energyHartree, "\(db): task result is the optimiser's last energy")

            // The same optimisation as `interscreen opt` on the same file: same identity, same path.
            XCTAssertEqual(row.optionsHash, reference.optionsHash, db)
            XCTAssertEqual(row.outputHash, reference.outputHash, db)
            XCTAssertEqual(row.energyHartree, reference.energyHartree, db)
            XCTAssertEqual(row.cycles, reference.cycles, db)
        }
    }

    func testAnotherCampaignReusesAStoredOptimisationOnlyWithTheSameIdentity() throws {
        let cli = try CLIHarness()
        let input = try distortedImidazole(cli)
        let fixture = CampaignFixture(cli: cli)
        func spec(_ name: String, level: String) throws -> String {
            try fixture.writeSpec(name: name, extraStructures: [
                "[[structures]]\nname = \"him-distorted\"\nfiles = \"\(input)\"\ntask = \"opt+sp\"\nopt_level = \"\(level)\"\n"])
        }
        let db = cli.path("shared.sqlite")
        XCTAssertEqual(try cli.run(["run", try spec("first", level: "normal"), "--db", db]).status, 0)
        let store = try ResultsStore(path: db)
        let calculations = try store.calculations().count

        let second = try cli.run(["run", try spec("second", level: "normal"), "--db", db])
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        XCTAssertEqual(try store.calculations().count, calculations, "nothing computed again")
        XCTAssertEqual(try store.optimizations().count, 1)
        let tasks = try store.tasks(campaign: "second")
        let opt = try XCTUnwrap(tasks.first { $0.kind == "optimization" })
        XCTAssertEqual(opt.state, .done)
        XCTAssertTrue(opt.message?.contains("answered from the database (optimisation") == true, opt.message ?? "")
        let firstOpt = try XCTUnwrap(try store.tasks(campaign: "first").first { $0.kind == "optimization" })
        XCTAssertEqual(opt.outputHash, firstOpt.outputHash)
        XCTAssertEqual(opt.calculationID, firstOpt.calculationID)
        XCTAssertTrue(tasks.allSatisfy { $0.state == .done })

        // Another level is another optimisation.
        let third = try cli.run(["run", try spec("third", level: "tight"), "--db", db])
        XCTAssertEqual(third.status, 0, third.stdout + third.stderr)
        XCTAssertEqual(try store.optimizations().count, 2)
    }

    /// Two molecules in one structure are two units: the campaign optimises them in TRIC, with the
    /// identity and result `interscreen opt` gives the same file.
    func testTwoUnitsAreOptimisedInInternalCoordinatesAsByOpt() throws {
        let cli = try CLIHarness()
        var pair = try StructureFile.read(path: try distortedImidazole(cli))
        let second = pair.positions.map { $0 + Vec3(0, 0, 4.5) }
        pair = Structure(name: "him-pair", atomicNumbers: pair.atomicNumbers + pair.atomicNumbers,
                         positions: pair.positions + second)
        let input = cli.path("him-pair.extxyz")
        try StructureFile.write(pair, to: input)
        let table = "[[structures]]\nname = \"him-pair\"\nfiles = \"\(input)\"\ntask = \"opt+sp\"\n"
        let spec = try CampaignFixture(cli: cli).writeSpec(extraStructures: [table])
        let run = try cli.run(["run", spec, "--db", cli.path("run.sqlite")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let direct = try cli.run(["opt", input, "--db", cli.path("opt.sqlite"), "--json"])
        XCTAssertEqual(direct.status, 0, direct.stderr)

        let row = try XCTUnwrap(try ResultsStore(path: cli.path("run.sqlite")).optimizations().first)
        let reference = try XCTUnwrap(try ResultsStore(path: cli.path("opt.sqlite")).optimizations().first)
        XCTAssertTrue(row.optionsText.contains("coordinates=tric"), row.optionsText)
        XCTAssertTrue(row.notes.contains("TRIC coordinates"), row.notes)
        XCTAssertTrue(row.converged, row.notes)
        XCTAssertEqual(row.optionsHash, reference.optionsHash)
        XCTAssertEqual(row.energyHartree, reference.energyHartree)
        XCTAssertEqual(row.cycles, reference.cycles)
    }

    /// Imidazole pulled off its minimum, so the optimiser has work to do.
    private func distortedImidazole(_ cli: CLIHarness) throws -> String {
        var s = try StructureFile.read(path: CLIHarness.fragment("HIm"))
        for i in s.positions.indices {
            let k = Double(i + 1)
            s.positions[i] += Vec3(0.06 * cos(k), 0.05 * sin(2 * k), 0.04 * cos(3 * k))
        }
        let path = cli.path("him-distorted.extxyz")
        try StructureFile.write(s, to: path)
        return path
    }
}
