import Foundation
import Store
import Structures
import XCTest
import XTBOracle

/// `interscreen opt` end to end, through the built binary.
final class OptimizeCLITests: XCTestCase {
    /// HIm with every atom moved by a fixed small vector (deterministic).
    private func perturbedHIm(_ cli: CLIHarness, name: String = "him.extxyz") throws -> String {
        var s = try StructureFile.read(path: CLIHarness.fragment("HIm"))
        for i in s.positions.indices {
            let k = Double(i + 1)
            s.positions[i] += Vec3(0.05 * sin(k), 0.05 * cos(2 * k), 0.04 * sin(3 * k))
        }
        let path = cli.path(name)
        try StructureFile.write(s, to: path)
        return path
    }

    func testOptimiseStoreAndAnswerFromTheStore() throws {
        let cli = try CLIHarness()
        let input = try perturbedHIm(cli)
        let db = cli.path("o.sqlite")
        let first = try cli.run(["opt", input, "--db", db, "--json", "-o", cli.path("out.xyz"),
                                 "--trajectory", cli.path("traj.extxyz")])
        XCTAssertEqual(first.status, 0, first.stderr)
        let a = try XCTUnwrap(first.jsonLines.first)
        XCTAssertEqual(a["converged"] as? Bool, true)
        XCTAssertEqual(a["cached"] as? Bool, false)
        XCTAssertEqual(a["level"] as? String, "normal")
        let energy = try XCTUnwrap(a["energy_hartree"] as? Double)
        let cycles = try XCTUnwrap(a["cycles"] as? Int)
        XCTAssertGreaterThan(cycles, 1)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(a["gradient_evaluations"] as? Int), cycles)
        XCTAssertLessThan(try XCTUnwrap(a["gradient_norm"] as? Double), 1e-3)
        XCTAssertEqual(energy, -14.2976, accuracy: 1e-3)

        // The optimised structure file and the trajectory.
        let written = try StructureFile.read(path: cli.path("out.xyz"))
        XCTAssertEqual(written.count, 9)
        XCTAssertEqual(written.contentHash, a["output_hash"] as? String)
        let frames = try StructureFile.readAll(path: cli.path("traj.extxyz"))
        XCTAssertEqual(frames.count, cycles)

        // The store: optimisation row, steps, parent link.
        let store = try ResultsStore(path: db)
        let rows = try store.optimizations()
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(try store.optimizationSteps(id: rows[0].id!).count, cycles)
        XCTAssertEqual(try store.structureRecord(hash: rows[0].outputHash)?.parentHash, a["hash"] as? String)

        // Again: from the store, same answer.
        let second = try cli.run(["opt", input, "--db", db, "--json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let b = try XCTUnwrap(second.jsonLines.first)
        XCTAssertEqual(b["cached"] as? Bool, true)
        XCTAssertEqual(b["energy_hartree"] as? Double, energy)
        XCTAssertEqual(b["cycles"] as? Int, cycles)
        XCTAssertEqual(b["output_hash"] as? String, a["output_hash"] as? String)
        XCTAssertEqual(try store.optimizations().count, 1)

        // Another level or a frozen atom is another optimisation.
        let loose = try cli.run(["opt", input, "--db", db, "--json", "--level", "loose"])
        XCTAssertEqual(loose.jsonLines.first?["cached"] as? Bool, false)
        XCTAssertEqual(try store.optimizations().count, 2)
    }

    func testFrozenAtomsKeepTheirCoordinatesInTheOutputFile() throws {
        let cli = try CLIHarness()
        let input = try perturbedHIm(cli)
        let result = try cli.run(["opt", input, "--db", cli.path("f.sqlite"), "--json", "--freeze", "1-2",
                                  "--freeze", "H", "-o", cli.path("frozen.extxyz")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(result.jsonLines.first)
        let start = try StructureFile.read(path: input)
        let out = try StructureFile.read(path: cli.path("frozen.extxyz"))
        let frozen = Set([0, 1] + start.atomicNumbers.indices.filter { start.atomicNumbers[$0] == 1 })
        XCTAssertEqual((json["frozen_atoms"] as? [Int]).map(Set.init), Set(frozen.map { $0 + 1 }))
        for i in start.positions.indices {
            if frozen.contains(i) {
                XCTAssertEqual(out.positions[i], start.positions[i], "frozen atom \(i + 1) moved")
            } else {
                XCTAssertNotEqual(out.positions[i], start.positions[i])
            }
        }
    }

    func testNotConvergedExitsWithTwoAndSaysSo() throws {
        let cli = try CLIHarness()
        let input = try perturbedHIm(cli)
        let result = try cli.run(["opt", input, "--db", cli.path("n.sqlite"), "--json", "--cycles", "2"])
        XCTAssertEqual(result.status, 2, result.stderr)
        let json = try XCTUnwrap(result.jsonLines.first)
        XCTAssertEqual(json["converged"] as? Bool, false)
        XCTAssertEqual(json["status"] as? String, "max_cycles")
        XCTAssertEqual(json["cycles"] as? Int, 2)
        let table = try cli.run(["opt", input, "--db", cli.path("n.sqlite"), "--cycles", "2"])
        XCTAssertEqual(table.status, 2)
        XCTAssertTrue(table.stdout.contains("NOT CONVERGED"), table.stdout)
        XCTAssertTrue(table.stdout.contains("[cached]"), table.stdout)
    }

    func testBadInputsFailWithStatusOne() throws {
        let cli = try CLIHarness()
        let water = CLIHarness.fragment("water")
        let badLevel = try cli.run(["opt", water, "--db", cli.path("b.sqlite"), "--level", "medium"])
        XCTAssertNotEqual(badLevel.status, 0)
        XCTAssertTrue(badLevel.stderr.contains("--level"), badLevel.stderr)
        let badFreeze = try cli.run(["opt", water, "--db", cli.path("b.sqlite"), "--freeze", "far:x"])
        XCTAssertNotEqual(badFreeze.status, 0)
        let outOfRange = try cli.run(["opt", water, "--db", cli.path("b.sqlite"), "--freeze", "7", "--json"])
        XCTAssertEqual(outOfRange.status, 1)
        XCTAssertEqual(outOfRange.jsonLines.first?["ok"] as? Bool, false)
        let missing = try cli.run(["opt", cli.path("absent.xyz"), "--db", cli.path("b.sqlite")])
        XCTAssertEqual(missing.status, 1)
        let store = try ResultsStore(path: cli.path("b.sqlite"))
        XCTAssertEqual(try store.failures().count, 2)
    }

    /// An optimisation stopped by its cycle cap is recorded with its flag and the single point at
    /// the geometry reached (the `xtb` program's energy there); asking again answers both from the
    /// store, flag included, and adds no row.
    func testUnconvergedOptimisationIsAnsweredAgainWithItsFlag() throws {
        let cli = try CLIHarness()
        let input = try perturbedHIm(cli)
        let db = cli.path("capped.sqlite")
        let first = try cli.run(["opt", input, "--cycles", "1", "--db", db, "--json"])
        XCTAssertEqual(first.status, 2, first.stderr)
        let a = try XCTUnwrap(first.jsonLines.first, first.stdout)
        XCTAssertEqual(a["cached"] as? Bool, false)
        XCTAssertEqual(a["flags"] as? [String], ["optimization_not_converged"], "\(a)")

        let store = try ResultsStore(path: db)
        let optimization = try XCTUnwrap(try store.optimizations().first)
        let rows = try store.calculations()
        XCTAssertEqual(rows.count, 1, "the single point at the geometry reached")
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(row.structureHash, optimization.outputHash)
        let reached = try XCTUnwrap(try store.structure(hash: optimization.outputHash))
        let oracle = try XTBBinaryOracle.run(reached, arguments: [])
        XCTAssertEqual(row.energyHartree, XTBBinaryOracle.parseTotalEnergy(oracle.stdout) ?? oracle.energy, accuracy: 1e-7)

        let second = try cli.run(["opt", input, "--cycles", "1", "--db", db, "--json"])
        XCTAssertEqual(second.status, 2, second.stderr)
        let b = try XCTUnwrap(second.jsonLines.first, second.stdout)
        XCTAssertEqual(b["cached"] as? Bool, true, "\(b)")
        XCTAssertEqual(b["flags"] as? [String], ["optimization_not_converged"], "\(b)")
        XCTAssertEqual(b["energy_hartree"] as? Double, a["energy_hartree"] as? Double)
        XCTAssertEqual(try store.calculations().count, 1)
        XCTAssertEqual(try store.optimizations().count, 1)
    }
}
