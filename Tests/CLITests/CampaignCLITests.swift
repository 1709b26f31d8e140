import Foundation
import Store
import Structures
import XCTest
import XTBOracle

/// `interscreen run` end to end: alone and under a real mpirun, against the xtb binary.
final class CampaignCLITests: XCTestCase {
    static let mpirun = URL(fileURLWithPath: "/usr/bin/mpirun")

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
        try XCTSkipUnless(XTBBinaryOracle.isAvailable)
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
        XCTAssertEqual(stubborn.flags, "scc_retry_more_iterations")
        let used = try XCTUnwrap(try store.calculation(id: XCTUnwrap(stubborn.calculationID)))
        XCTAssertNotEqual(used.settingsHash, stubborn.settingsHash, "the retry's settings are recorded")
    }
}
