import Foundation
import Store
import Structures
import TestSupport
import XCTest
import XTBOracle

/// `interscreen run` end to end: alone and under a real mpirun, against the xtb binary.
final class CampaignCLITests: XCTestCase {
    /// Open MPI's launcher found on PATH; a failure (never a skip) when it is missing.
    static var mpirun: URL {
        get throws { try RequiredTool.path("mpirun", install: "install Open MPI with scripts/setup (Debian: openmpi-bin)") }
    }

    func testMPIRunMatchesSingleProcessAndBinary() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let alone = try cli.run(["run", spec, "--db", cli.path("alone.sqlite")])
        XCTAssertEqual(alone.status, 0, alone.stdout + alone.stderr)
        let mpi = try cli.run(["-n", "3", "--oversubscribe", CLIHarness.binary.path, "run", spec,
                               "--db", cli.path("mpi.sqlite")], executable: Self.mpirun)
        XCTAssertEqual(mpi.status, 0, mpi.stdout + mpi.stderr)

        let a = try ResultsStore(path: cli.path("alone.sqlite"))
        let b = try ResultsStore(path: cli.path("mpi.sqlite"))
        XCTAssertEqual(try a.tasks().map(\.state), Array(repeating: .done, count: CampaignFixture.fragments.count))
        XCTAssertEqual(try b.tasks().map(\.state), Array(repeating: .done, count: CampaignFixture.fragments.count))
        let ra = try a.reactions().sorted { $0.name < $1.name }
        let rb = try b.reactions().sorted { $0.name < $1.name }
        XCTAssertEqual(ra.count, 2)
        XCTAssertEqual(ra.map(\.energyHartree), rb.map(\.energyHartree), "MPI and single-process runs differ")
        XCTAssertTrue(Set(try b.tasks().compactMap(\.rank)).isSuperset(of: [1, 2]), "both worker ranks computed")

        // Reaction energies against the xtb binary's energies of the same structures.
        _ = try XTBBinaryOracle.binary
        for reaction in ra {
            var reference = 0.0
            for species in reaction.species {
                let s = try StructureFile.read(path: CLIHarness.fragment(species.name))
                let out = try XTBBinaryOracle.run(s, arguments: ["--gfn", "2"])
                reference += species.coefficient * (XTBBinaryOracle.parseTotalEnergy(out.stdout) ?? out.energy)
            }
            XCTAssertEqual(reaction.energyHartree ?? .nan, reference, accuracy: 1e-8, reaction.name)
        }
        let normalized = try XCTUnwrap(ra.first { $0.name.hasPrefix("Cs2PbI4") })
        XCTAssertEqual(normalized.normalizedKJMol ?? .nan, (normalized.energyKJMol ?? .nan) / 1, accuracy: 1e-12)
    }

    /// An optimised species' single point is answered from the optimisation's last calculation,
    /// inside the dispatcher: when that is the run's last task, its reaction must still be formed.
    func testAReactionCompletedByACacheAnswerIsFormed() throws {
        let cli = try CLIHarness()
        let spec = cli.path("rx.toml")
        try """
        [campaign]
        name = "rx"
        database = "rx.sqlite"

        [[structures]]
        name = "water"
        files = "\(CLIHarness.fragment("water"))"
        task = "opt+sp"

        [[reactions]]
        name = "water stays water"
        reactants = { water = 1 }
        products = { water = 1 }
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let run = try cli.run(["run", spec])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let store = try ResultsStore(path: cli.path("rx.sqlite"))
        XCTAssertTrue(try store.tasks().contains { $0.key == "water/sp" && ($0.message ?? "").hasPrefix("answered from the database") },
                      "the single point must come from the cache for this test to mean anything")
        let reactions = try store.reactions(campaign: "rx")
        XCTAssertEqual(reactions.map(\.status), [.done], "\(reactions)")
        XCTAssertEqual(reactions.first?.energyHartree ?? .nan, 0, accuracy: 1e-12)
    }

    /// A species whose file changed between runs (same name, new geometry) is computed anew, and
    /// every reaction that uses it is formed again from the new calculation row: a rerun never
    /// keeps an energy formed from a geometry the spec no longer names.
    func testAReactionIsFormedAgainWhenASpeciesFileChanges() throws {
        let cli = try CLIHarness()
        let water = cli.path("water.xyz"), reference = cli.path("reference.xyz"), spec = cli.path("re.toml")
        func writeWater(_ hx: Double, to path: String) throws {
            try "3\nwater\nO 0.0 0.0 0.0\nH \(hx) 0.0 0.0\nH -0.24 0.93 0.0\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        try writeWater(0.96, to: water)
        try writeWater(0.96, to: reference)
        try """
        [campaign]
        name = "re"
        database = "re.sqlite"

        [[structures]]
        name = "water"
        files = "\(water)"

        [[structures]]
        name = "reference"
        files = "\(reference)"

        [[reactions]]
        name = "pair"
        reactants = { water = 1 }
        products = { reference = 1 }
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let run = try cli.run(["run", spec])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let store = try ResultsStore(path: cli.path("re.sqlite"))
        let first = try XCTUnwrap(try store.reactions(campaign: "re").first)

        try writeWater(1.02, to: water)
        let again = try cli.run(["run", spec])
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        let task = try XCTUnwrap(try store.tasks().first { $0.key == "water/sp" })
        let reaction = try XCTUnwrap(try store.reactions(campaign: "re").first)
        let used = try XCTUnwrap(reaction.species.first { $0.name == "water" })
        XCTAssertNotEqual(used.calculationID, first.species.first { $0.name == "water" }?.calculationID,
                          "the reaction still uses the old geometry's row")
        XCTAssertEqual(used.calculationID, task.calculationID)
        let energies = try reaction.species.map { try XCTUnwrap(try store.calculation(id: $0.calculationID)).energyHartree }
        XCTAssertEqual(reaction.energyHartree ?? .nan, energies[1] - energies[0], accuracy: 1e-12)
        XCTAssertNotEqual(reaction.energyHartree ?? .nan, first.energyHartree ?? .nan, accuracy: 1e-6)
    }

    func testRerunAnswersEverythingFromTheDatabase() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let db = cli.path("r.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", db]).status, 0)
        let store = try ResultsStore(path: db)
        let before = try store.calculations().count
        let again = try cli.run(["run", spec, "--db", db])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try store.calculations().count, before, "a rerun computed again")
        let dry = try cli.run(["run", spec, "--db", db, "--dry-run"])
        XCTAssertTrue(dry.stdout.contains("\(CampaignFixture.fragments.count) done"), dry.stdout)
    }

    func testBadInputsFailAloneAndGoodOnesFinish() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let bad: [String: String] = [
            "malformed.xyz": "3\ncomment\nO 0 0 0\nH 0 0 0.96\n",
            "francium.xyz": "2\ncharge=0\nFr 0 0 0\nI 0 0 3.0\n",
            "overlap.xyz": "2\n\nH 0 0 0\nH 0 0 0.1\n",
            "nan.xyz": "2\n\nH 0 0 0\nH 0 0 nan\n",
            "odd.xyz": "1\nmultiplicity=1\nH 0 0 0\n",
        ]
        var tables = bad.keys.sorted().map { file in
            "[[structures]]\nname = \"\((file as NSString).deletingPathExtension)\"\nfiles = \"\(cli.path(file))\"\n"
        }
        tables.append("[[structures]]\nname = \"stubborn\"\nfiles = \"\(CLIHarness.fragment("Zn-Im2-HIm2"))\"\nmax_iterations = 3\n")
        let spec = try fixture.writeSpec(extraStructures: tables, extraFiles: bad)
        let result = try cli.run(["run", spec, "--db", cli.path("bad.sqlite")])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let store = try ResultsStore(path: cli.path("bad.sqlite"))
        let tasks = try store.tasks()
        for name in CampaignFixture.fragments {
            XCTAssertEqual(tasks.first { $0.structureName == name }?.state, .done, name)
        }
        let failures = try store.failures()
        for (file, expected) in [("malformed.xyz", "truncated_file"), ("francium.xyz", "unsupported_element"),
                                 ("overlap.xyz", "atoms_too_close"), ("nan.xyz", "non_finite_coordinate"),
                                 ("odd.xyz", "electron_count")] {
            let failure = failures.first { $0.source.hasSuffix(file) }
            XCTAssertEqual(failure?.failureClass, expected, "\(file): \(String(describing: failure))")
            XCTAssertTrue(result.stdout.contains((file as NSString).deletingPathExtension), result.stdout)
        }
        // An SCC that cannot converge in 3 iterations is retried with more and recorded as such.
        let stubborn = try XCTUnwrap(tasks.first { $0.structureName == "stubborn" })
        XCTAssertEqual(stubborn.state, .done)
        XCTAssertEqual(stubborn.attempts, 2)
        XCTAssertEqual(stubborn.flags, [.sccRetryMoreIterations])
        let used = try XCTUnwrap(try store.calculation(id: XCTUnwrap(stubborn.calculationID)))
        XCTAssertNotEqual(used.settingsHash, stubborn.settingsHash, "the retry's settings are recorded")
    }

    /// The verdict plumbing on a small real model: reactions from the xtb binary's energies, the
    /// verdict formula by hand (one configuration per phase, so Boltzmann = lowest).
    func testVerdictFromStoredReactionsMatchesBinaryEnergies() throws {
        let cli = try CLIHarness()
        let cs4 = "[[structures]]\nname = \"Cs4PbI6\"\nfiles = \"\(CLIHarness.fragment("Cs4PbI6"))\"\n"
        var spec = try String(contentsOfFile: try CampaignFixture(cli: cli).writeSpec(extraStructures: [cs4]),
                              encoding: .utf8)
        spec += """

        [[reactions]]
        name = "bulk stand-in"
        reactants = { Cs2PbI4 = 1, CsI = 2 }
        products = { Cs4PbI6 = 1 }
        normalize = { per = "CsI", count = 2 }

        [[verdicts]]
        name = "plumbing"
        active_phase = "A"
        inactive_phase = "B"
        active = "iodide*"
        inactive = "Cs2PbI4 from*"
        bulk = "bulk stand-in"
        formula_units = 8
        reference = { bulk = -18, active = -1224, inactive = -1033, source = "Li et al. 2023" }
        """
        let path = cli.path("verdict.toml")
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try cli.run(["run", path, "--db", cli.path("v.sqlite")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("| verdict |"), run.stdout)
        let out = try cli.run(["verdict", "--db", cli.path("v.sqlite"), "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        let v = try XCTUnwrap(list.first)

        _ = try XTBBinaryOracle.binary
        func energy(_ name: String) throws -> Double {
            let out = try XTBBinaryOracle.run(try StructureFile.read(path: CLIHarness.fragment(name)), arguments: ["--gfn", "2"])
            return (XTBBinaryOracle.parseTotalEnergy(out.stdout) ?? out.energy) * Units.kJPerMolPerHartree
        }
        let active = try energy("PbI3-anion") - energy("PbI2") - energy("iodide")
        let inactive = try energy("Cs2PbI4") - 2 * energy("CsI") - energy("PbI2")
        let bulkPerUnit = (try energy("Cs4PbI6") - energy("Cs2PbI4") - 2 * energy("CsI")) / 2
        XCTAssertEqual(v["bulk_delta_minus_alpha_kj_per_unit"] as? Double ?? .nan, bulkPerUnit, accuracy: 1e-4)
        XCTAssertEqual(v["ddE_interface_kj"] as? Double ?? .nan, inactive - active, accuracy: 1e-4)
        XCTAssertEqual(v["bulk_preference_kj"] as? Double ?? .nan, -8 * bulkPerUnit, accuracy: 1e-4)
        let margin = (inactive - active) - (-8 * bulkPerUnit)
        let sentence = try XCTUnwrap(v["verdict"] as? String)
        XCTAssertTrue(sentence.hasPrefix(margin > 0 ? "interface stabilises A" : "interface does not stabilise A"), sentence)
        XCTAssertEqual((v["reaction_ids"] as? [Any])?.count, 3, "bulk, one active, one inactive reaction row")
    }
}
