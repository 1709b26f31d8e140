import Foundation
import Store
import XCTest

/// `run --shard i/K`, `merge` and `reactions`: three shards merged equal the unsharded run.
final class ShardMergeCLITests: XCTestCase {
    func testThreeShardsMergedEqualTheUnshardedRun() throws {
        let cli = try CLIHarness()
        let fixture = CampaignFixture(cli: cli)
        let water = "[[structures]]\nname = \"water-opt\"\nfiles = \"\(CLIHarness.fragment("water"))\"\ntask = \"opt+sp\"\n"
        let bad = ["francium.xyz": "2\ncharge=0\nFr 0 0 0\nI 0 0 3.0\n"]
        let francium = "[[structures]]\nname = \"francium\"\nfiles = \"\(cli.path("francium.xyz"))\"\n"
        let spec = try fixture.writeSpec(extraStructures: [water, francium] + (try fixture.perturbedCopies(4)),
                                         extraFiles: bad)
        let whole = cli.path("whole.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", whole]).status, 1, "francium fails")

        var shards: [String] = []
        var keys: [Set<String>] = []
        for i in 1...3 {
            let result = try cli.run(["run", spec, "--shard", "\(i)/3"])
            XCTAssertTrue([0, 1].contains(result.status), result.stdout + result.stderr)
            let db = cli.path("job.shard-\(i)-of-3.sqlite")
            XCTAssertTrue(FileManager.default.fileExists(atPath: db), "each shard writes its own database")
            shards.append(db)
            let tasks = try ResultsStore(path: db).tasks()
            keys.append(Set(tasks.map(\.key)))
            // An opt → sp chain stays in one shard.
            XCTAssertEqual(tasks.contains { $0.key == "water-opt/opt" }, tasks.contains { $0.key == "water-opt/sp" })
        }
        XCTAssertEqual(keys.map(\.count).reduce(0, +), Set(keys.flatMap { $0 }).count, "shards are disjoint")
        XCTAssertEqual(Set(keys.flatMap { $0 }), Set(try ResultsStore(path: whole).tasks().map(\.key)), "and complete")
        XCTAssertTrue(keys.allSatisfy { !$0.isEmpty }, "every shard has work: \(keys)")
        // The same split every time.
        XCTAssertEqual(try cli.run(["run", spec, "--shard", "2/3", "--dry-run"]).status, 0)

        let all = cli.path("all.sqlite")
        let merge = try cli.run(["merge"] + shards + ["-o", all])
        XCTAssertEqual(merge.status, 0, merge.stdout + merge.stderr)
        XCTAssertTrue(merge.stdout.contains("0 conflict(s)"), merge.stdout)
        // The merge formed the reactions from the stored campaign definition: no extra command needed.
        XCTAssertEqual(try ResultsStore(path: all).reactions().filter { $0.status == .done }.count, 2, merge.stdout)
        // `reactions` still re-forms them (for databases made before definitions were stored).
        let reactions = try cli.run(["reactions", spec, "--db", all])
        XCTAssertEqual(reactions.status, 0, reactions.stdout + reactions.stderr)
        try HPCFixture.assertSameResults(all, whole)
        let merged = try ResultsStore(path: all)
        XCTAssertEqual(try merged.reactions().filter { $0.status == .done }.count, 2)
        XCTAssertEqual(try merged.runs().count, 3, "each shard's run is kept")
        XCTAssertEqual(Set(try merged.failures().map(\.failureClass)), ["unsupported_element"])
        XCTAssertEqual(try merged.integrityCheck(), "ok")
        // Every stored calculation of every shard is in the merged database, with its energy.
        let mergedEnergies = Dictionary(try merged.calculations().map { ("\($0.structureHash)\($0.settingsHash)", $0.energyHartree) },
                                        uniquingKeysWith: { a, _ in a })
        for shard in shards {
            for calc in try ResultsStore(path: shard).calculations() {
                XCTAssertEqual(mergedEnergies["\(calc.structureHash)\(calc.settingsHash)"], calc.energyHartree)
            }
        }
        // Reactions point to the merged database's calculation rows.
        for reaction in try merged.reactions() where reaction.status == .done {
            for species in reaction.species {
                XCTAssertEqual(try merged.calculation(id: species.calculationID)?.energyHartree, species.energyHartree)
            }
        }

        // Merging again changes nothing.
        let before = try Snapshot(merged)
        let again = try cli.run(["merge"] + shards + ["-o", all])
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertEqual(try Snapshot(merged), before, "merging twice changed the database")
        XCTAssertFalse(again.stdout.contains(" +1"), again.stdout)
        // So does merging the merged database into a copy of itself built from the shards in another order.
        let reordered = cli.path("reordered.sqlite")
        XCTAssertEqual(try cli.run(["merge"] + shards.reversed() + [all, "-o", reordered]).status, 0)
        try HPCFixture.assertSameResults(reordered, all)
    }

    func testPlantedConflictIsReported() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec()
        let a = cli.path("a.sqlite"), b = cli.path("b.sqlite")
        XCTAssertEqual(try cli.run(["run", spec, "--db", a]).status, 0)
        XCTAssertEqual(try cli.run(["run", spec, "--db", b]).status, 0)
        // b's water energy off by 1e-6 Eh: the same calculation identity, a different number.
        let water = try XCTUnwrap(try ResultsStore(path: b).tasks().first { $0.structureName == "water" }?.calculationID)
        try HPCFixture.sql(b, "UPDATE calculations SET energy_hartree = energy_hartree + 1e-6 WHERE id = \(water)")
        let out = cli.path("out.sqlite")
        let merge = try cli.run(["merge", a, b, "-o", out])
        XCTAssertEqual(merge.status, 1, merge.stdout + merge.stderr)
        XCTAssertTrue(merge.stdout.contains("conflict: calculations structure"), merge.stdout)
        XCTAssertTrue(merge.stdout.contains("1 conflict(s)") || merge.stdout.contains("conflict(s)"), merge.stdout)
        // The first database's value is kept; below the tolerance it is no conflict.
        try HPCFixture.assertSameResults(out, a)
        let lenient = try cli.run(["merge", a, b, "-o", cli.path("lenient.sqlite"), "--tolerance", "1e-5"])
        XCTAssertEqual(lenient.status, 0, lenient.stdout)
    }
}

/// Every table's rows as the Store reads them, for before/after comparisons.
private struct Snapshot: Equatable {
    var counts: StoreCounts
    var calculations: [CalculationRecord]
    var failures: [FailureRecord]
    var tasks: [TaskRecord]
    var reactions: [ReactionRecord]
    var runs: [RunRecord]
    var optimizations: [OptimizationRecord]

    init(_ store: ResultsStore) throws {
        counts = try store.counts()
        calculations = try store.calculations()
        failures = try store.failures()
        tasks = try store.tasks()
        reactions = try store.reactions()
        runs = try store.runs()
        optimizations = try store.optimizations()
    }
}
