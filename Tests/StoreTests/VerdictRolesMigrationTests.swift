import Foundation
import GRDB
import XCTest
@testable import Store

/// Verdict rows of the v5 schema (a flat reaction list) get their roles on migration only when the
/// list determines them; otherwise the roles stay unknown.
final class VerdictRolesMigrationTests: XCTestCase {
    /// RT at 300 K, kJ/mol: weights below are written out from the Boltzmann definition.
    private let rt = 8.314462618e-3 * 300

    /// A v5 database with reactions (id: energy) 1 bulk (−18 per unit), and the given verdict rows.
    private func makeV5Database(_ verdicts: [(name: String, ids: [Int64], active: [Double], inactive: [Double])],
                                energies: [Int64: Double]) throws -> String {
        let path = try StoreFixtures.databasePath(self)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.makeMigrator().migrate(queue, upTo: LeanWritesMigration.name)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO reactions (id, campaign, name, status, energy_kj_mol, normalized_kj_mol, species, computed_at)
                VALUES (1, 'old', 'bulk', 'done', -144, -18, '[]', '2025-01-01')
                """)
            for (id, kj) in energies.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: """
                    INSERT INTO reactions (id, campaign, name, status, energy_kj_mol, species, computed_at)
                    VALUES (?, 'old', ?, 'done', ?, '[]', '2025-01-01')
                    """, arguments: [id, "r\(id)", kj])
            }
            for v in verdicts {
                try db.execute(sql: """
                    INSERT INTO verdicts (campaign, name, active_phase, inactive_phase, bulk_kj_per_unit, formula_units,
                      active_lowest_kj, active_boltzmann_kj, inactive_lowest_kj, inactive_boltzmann_kj, temperature,
                      verdict, reaction_ids, excluded, computed_at)
                    VALUES ('old', ?, 'alpha', 'delta', -18, 8, ?, ?, ?, ?, 300, 'v', ?, '[]', '2025-01-01')
                    """, arguments: [v.name, v.active.min(), average(v.active), v.inactive.min(), average(v.inactive),
                                     "[" + v.ids.map(String.init).joined(separator: ",") + "]"])
            }
        }
        return path
    }

    private func average(_ e: [Double]) -> Double {
        let w = e.map { exp(-($0 - e.min()!) / rt) }
        return zip(e, w).map { $0 * $1 }.reduce(0, +) / w.reduce(0, +)
    }

    func testOnlyAnUnambiguousFlatListGetsRoles() throws {
        // "clear": active −100, −95; inactive −80, −79: every row has weight, one split reproduces.
        // "ambiguous": active −100, +500; inactive −80. The +500 row has no Boltzmann weight, so it
        // can sit on either side of the cut and both splits reproduce the stored energies.
        let path = try makeV5Database([("clear", [1, 2, 3, 4, 5], [-100, -95], [-80, -79]),
                                       ("ambiguous", [1, 6, 7, 8], [-100, 500], [-80])],
                                      energies: [2: -100, 3: -95, 4: -80, 5: -79, 6: -100, 7: 500, 8: -80])
        let store = try ResultsStore(path: path)
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.names)
        let verdicts = Dictionary(uniqueKeysWithValues: try store.verdicts().map { ($0.name, $0) })
        XCTAssertEqual(verdicts["clear"]?.roles, VerdictRoles(bulk: 1, active: [2, 3], inactive: [4, 5]))
        XCTAssertNotNil(verdicts["ambiguous"])
        XCTAssertNil(verdicts["ambiguous"]?.roles, "two splits reproduce the row: unknown, not guessed")
        XCTAssertNil(verdicts["clear"]?.protocolName)
    }

    func testNewVerdictsStoreTheirRolesAndProtocol() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var v = VerdictRecord(campaign: "c", name: "CsPbBr3/ZIF-4", activePhase: "alpha", inactivePhase: "delta",
                              formulaUnits: 8, temperature: 300, verdict: "x")
        v.roles = VerdictRoles(bulk: nil, active: [3], inactive: [2])
        v.protocolName = "unrelaxed"
        try store.saveVerdict(v)
        let back = try XCTUnwrap(try store.verdicts(campaign: "c").first)
        XCTAssertEqual(back.roles, v.roles)
        XCTAssertEqual(back.protocolName, "unrelaxed")
    }
}
