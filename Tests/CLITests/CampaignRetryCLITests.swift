import Foundation
import Store
import Structures
import XCTest

/// A campaign looks up and records through the same ledger as `sp`: a task whose SCC needed a retry
/// leaves a request row, so a later campaign or `sp` asking with the same settings is answered from
/// the database (flags kept, nothing computed), and rows of either answer the other.
final class CampaignRetryCLITests: XCTestCase {
    /// The Zn complex does not converge in 3 SCC iterations (`CampaignCLITests` checks the retry
    /// itself); water does in its default 250.
    private static let stubborn = CLIHarness.fragment("Zn-Im2-HIm2")

    private func spec(_ cli: CLIHarness, name: String) throws -> String {
        let path = cli.path("\(name).toml")
        try """
        [campaign]
        name = "\(name)"
        database = "\(name).sqlite"

        [defaults]
        gfn = 2

        [[structures]]
        name = "stubborn"
        files = "\(Self.stubborn)"
        max_iterations = 3

        [[structures]]
        name = "water"
        files = "\(CLIHarness.fragment("water"))"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func task(_ store: ResultsStore, _ campaign: String, _ name: String) throws -> TaskRecord {
        try XCTUnwrap(try store.tasks(campaign: campaign).first { $0.structureName == name }, "\(campaign): \(name)")
    }

    /// Under mpirun (rank 0 records what a worker computed), the retried task writes its request row;
    /// a second campaign and `sp` with the same settings are answered by it, flags included.
    func testARetriedCampaignTaskIsAnsweredAgainByACampaignAndBySP() throws {
        let cli = try CLIHarness()
        let db = cli.path("shared.sqlite")
        let first = try cli.run(["-n", "2", "--oversubscribe", CLIHarness.binary.path, "run", try spec(cli, name: "first"),
                                 "--db", db], executable: CampaignCLITests.mpirun)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let store = try ResultsStore(path: db)
        let retried = try task(store, "first", "stubborn")
        XCTAssertEqual(retried.state, .done)
        XCTAssertEqual(retried.rank, 1, "a worker rank computed it")
        XCTAssertEqual(retried.attempts, 2, "the case must need the retry ladder for this test to mean anything")
        XCTAssertEqual(retried.flags, [.sccRetryMoreIterations])
        let calculationID = try XCTUnwrap(retried.calculationID)
        let requests = try store.workRequests()
        XCTAssertEqual(requests.count, 1, "only the retried task writes a request row: \(requests)")
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.kind, .singlepoint)
        XCTAssertEqual(request.structureHash, retried.inputHash)
        XCTAssertEqual(request.requestedSettingsHash, retried.settingsHash)
        XCTAssertEqual(request.calculationID, calculationID)
        XCTAssertEqual(request.flags, [.sccRetryMoreIterations])
        XCTAssertEqual(request.attempts, 2)
        let used = try XCTUnwrap(try store.calculation(id: calculationID))
        XCTAssertEqual(request.usedSettingsHash, used.settingsHash)
        XCTAssertNotEqual(used.settingsHash, retried.settingsHash, "stored under the settings that converged")
        let calculations = try store.calculations().count
        XCTAssertEqual(calculations, 2)

        let second = try cli.run(["run", try spec(cli, name: "second"), "--db", db])
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        XCTAssertEqual(try store.calculations().count, calculations, "the second campaign computed nothing")
        for name in ["stubborn", "water"] {
            let answered = try task(store, "second", name)
            XCTAssertEqual(answered.state, .done, name)
            XCTAssertTrue(answered.message?.hasPrefix("answered from the database") == true, answered.message ?? name)
            XCTAssertEqual(answered.calculationID, try task(store, "first", name).calculationID, name)
        }
        XCTAssertEqual(try task(store, "second", "stubborn").flags, [.sccRetryMoreIterations], "the answer keeps its flags")
        XCTAssertEqual(try task(store, "second", "water").flags, [])

        let sp = try cli.run(["sp", Self.stubborn, "--iterations", "3", "--db", db, "--json"])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        let line = try XCTUnwrap(sp.jsonLines.first, sp.stdout)
        XCTAssertEqual(line["cached"] as? Bool, true, "\(line)")
        XCTAssertEqual(line["attempts"] as? Int, 0, "nothing was computed: \(line)")
        XCTAssertEqual(line["flags"] as? [String], ["scc_retry_more_iterations"], "\(line)")
        XCTAssertEqual((line["calculation_id"] as? Int).map(Int64.init), calculationID)
        let water = try cli.run(["sp", CLIHarness.fragment("water"), "--db", db, "--json"])
        XCTAssertEqual(water.status, 0, water.stderr)
        XCTAssertEqual(water.jsonLines.first?["cached"] as? Bool, true, water.stdout)
        XCTAssertEqual(try store.calculations().count, calculations, "sp computed nothing")
        XCTAssertEqual(try store.workRequests().count, 1, "answers add no request rows")
    }

    /// Rows `sp` computed (one retried, one not) answer a campaign's tasks, flags included.
    func testRowsComputedBySPAnswerACampaign() throws {
        let cli = try CLIHarness()
        let db = cli.path("sp-first.sqlite")
        let retried = try cli.run(["sp", Self.stubborn, "--iterations", "3", "--db", db, "--json"])
        XCTAssertEqual(retried.status, 0, retried.stderr)
        let line = try XCTUnwrap(retried.jsonLines.first, retried.stdout)
        XCTAssertEqual(line["attempts"] as? Int, 2, "the case must need the retry ladder: \(line)")
        let water = try cli.run(["sp", CLIHarness.fragment("water"), "--db", db, "--json"])
        XCTAssertEqual(water.status, 0, water.stderr)
        let store = try ResultsStore(path: db)
        let calculations = try store.calculations().count
        XCTAssertEqual(calculations, 2)

        let run = try cli.run(["run", try spec(cli, name: "after-sp"), "--db", db])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(try store.calculations().count, calculations, "the campaign computed nothing")
        let stubborn = try task(store, "after-sp", "stubborn")
        XCTAssertTrue(stubborn.message?.hasPrefix("answered from the database") == true, stubborn.message ?? "")
        XCTAssertEqual(stubborn.calculationID.map(Int.init), line["calculation_id"] as? Int)
        XCTAssertEqual(stubborn.flags, [.sccRetryMoreIterations], "the answer keeps its flags")
        let answeredWater = try task(store, "after-sp", "water")
        XCTAssertTrue(answeredWater.message?.hasPrefix("answered from the database") == true, answeredWater.message ?? "")
        XCTAssertEqual(answeredWater.calculationID.map(Int.init), water.jsonLines.first?["calculation_id"] as? Int)
        XCTAssertEqual(answeredWater.flags, [])
    }
}
