import Foundation
import GRDB
import Store
import XCTest

/// `[[surfaces]]` end to end: `interscreen run` under a real mpirun computes the slabs on tblite,
/// forms γ per vacuum, and the independent `interscreen surface` command (its own database, its own
/// computations) gives the same γ; a rerun computes nothing; `reactions` forms the rows again from
/// the database alone.
final class SurfaceCampaignCLITests: XCTestCase {
    static let cell = CLIHarness.repository.appendingPathComponent("clusters/bulk/NaCl-rocksalt.extxyz").path

    static let spec = """
        [campaign]
        name = "surfaces-test"
        database = "campaign.sqlite"

        [[surfaces]]
        name = "NaCl-001"
        cell = "\(cell)"
        miller = "001"
        termination = "NaCl"
        layers = [2, 3]
        in_plane = ["1x1", "2x2"]
        vacuum = [10, 15, 20]
        """

    func testCampaignSurfacesMatchTheSurfaceCommandAndResume() throws {
        let cli = try CLIHarness()
        let specPath = cli.path("surfaces.toml")
        try Self.spec.write(toFile: specPath, atomically: true, encoding: .utf8)
        let run = try cli.run(["-n", "2", "--oversubscribe", CLIHarness.binary.path, "run", specPath],
                              executable: CampaignCLITests.mpirun)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("surface energies"), run.stdout)

        let store = try ResultsStore(path: cli.path("campaign.sqlite"))
        XCTAssertEqual(try store.tasks(campaign: "surfaces-test").map(\.state), Array(repeating: .done, count: 14))
        let rows = try store.campaignSurfaceEnergies(campaign: "surfaces-test")
        XCTAssertEqual(rows.map(\.vacuum), [10, 15, 20])
        guard rows.count == 3 else { return XCTFail("no surface rows: \(run.stdout)") }
        XCTAssertEqual(rows.map(\.vacuumConverged), [nil, nil, rows[2].vacuumConverged])
        XCTAssertNotNil(rows[2].vacuumConverged, "three vacua: the vacuum rule is applied")

        // Oracle: the `surface` command on the same slabs, computed again in its own database.
        for row in rows {
            let surface = try cli.run(["surface", Self.cell, "--miller", "001", "--termination", "NaCl", "--layers", "2,3",
                                       "--in-plane", "1x1,2x2", "--vacuum", String(format: "%g", try XCTUnwrap(row.vacuum)), "--vacuum-series", "none",
                                       "--db", cli.path("oracle.sqlite"), "--json"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(surface.stdout.utf8)) as? [String: Any],
                                     surface.stdout + surface.stderr)
            let gamma = try XCTUnwrap(json["surface_energy_j_m2"] as? Double)
            let campaignGamma = try XCTUnwrap(row.surfaceEnergyJM2)
            XCTAssertEqual(campaignGamma, gamma, accuracy: 1e-6, "vacuum \(row.vacuum)")
            XCTAssertEqual(row.thicknessConverged, json["thickness_converged"] as? Bool)
            XCTAssertEqual(row.inPlaneConverged, json["in_plane_converged"] as? Bool)
            XCTAssertEqual(row.layers, json["layers"] as? Int)
            XCTAssertEqual(row.supercell, json["supercell"] as? String)
            XCTAssertEqual(row.natoms, json["natoms"] as? Int)
            // Every number traces to calculation rows of this database.
            let ids = row.calculationIDList
            XCTAssertFalse(ids.isEmpty)
            for id in ids { XCTAssertNotNil(try store.calculation(id: id), "calculation \(id)") }
        }
        let gammas = rows.map(\.surfaceEnergyJM2)
        let calculations = try store.counts().calculations

        // A rerun answers every task from the database and forms the same γ.
        let again = try cli.run(["run", specPath])
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertEqual(try store.counts().calculations, calculations, "the rerun computed something")
        let raw = try DatabaseQueue(path: cli.path("campaign.sqlite"))
        let lastRun = try XCTUnwrap(try raw.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs") })
        let computed = try raw.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM calculations WHERE run_id = ?", arguments: [lastRun])
        }
        XCTAssertEqual(computed, 0)
        XCTAssertEqual(try store.campaignSurfaceEnergies(campaign: "surfaces-test").map(\.surfaceEnergyJM2), gammas)

        // From the database alone: the rows deleted, `reactions` forms them again.
        try raw.write { db in try db.execute(sql: "DELETE FROM surface_energies WHERE campaign = 'surfaces-test'") }
        let reform = try cli.run(["reactions", specPath])
        XCTAssertEqual(reform.status, 0, reform.stdout + reform.stderr)
        XCTAssertEqual(try store.campaignSurfaceEnergies(campaign: "surfaces-test").map(\.surfaceEnergyJM2), gammas)

        // Merged into a new database (as shards are): the surfaces are formed there from its rows.
        let merge = try cli.run(["merge", cli.path("campaign.sqlite"), "--output", cli.path("merged.sqlite")])
        XCTAssertEqual(merge.status, 0, merge.stdout + merge.stderr)
        let merged = try ResultsStore(path: cli.path("merged.sqlite"))
        let mergedRows = try merged.campaignSurfaceEnergies(campaign: "surfaces-test")
        XCTAssertEqual(mergedRows.map(\.surfaceEnergyJM2), gammas)
        for id in mergedRows.flatMap(\.calculationIDList) {
            XCTAssertNotNil(try merged.calculation(id: id), "merged calculation \(id)")
        }

        let status = try cli.run(["status", "--db", cli.path("campaign.sqlite"), "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let listed = try XCTUnwrap(object["surface_energies"] as? [[String: Any]])
        XCTAssertEqual(listed.map { $0["vacuum_angstrom"] as? Double }, [10, 15, 20])
        for (line, gamma) in zip(listed, gammas) {
            XCTAssertEqual(try XCTUnwrap(line["surface_energy_j_m2"] as? Double), try XCTUnwrap(gamma), accuracy: 1e-12)
        }
    }
}
