import Foundation
import GRDB

/// Verdict rows keep which reactions are bulk, active and inactive (`reaction_roles`, JSON) and
/// the calculation protocol (`protocol`).
///
/// Rows stored before carry only the flat list (bulk, then active, then inactive, no split
/// points). The migration fills the roles where exactly one split of that list reproduces the
/// row's stored lowest and Boltzmann energies of both phases; otherwise (a configuration with no
/// Boltzmann weight can sit on either side) it leaves them NULL: unknown, never guessed.
enum VerdictRolesMigration {
    static let name = "v6-verdict-roles"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "verdicts") { t in
            t.add(column: "reaction_roles", .jsonText)
            t.add(column: "protocol", .text)
        }
        let verdicts = try Row.fetchAll(db, sql: "SELECT * FROM verdicts")
        let update = try db.makeStatement(sql: "UPDATE verdicts SET reaction_roles = ? WHERE id = ?")
        for verdict in verdicts {
            guard let roles = try OldVerdictSplit(verdict, db).unique else { continue }
            let json = String(decoding: try JSONEncoder().encode(roles), as: UTF8.self)
            try update.execute(arguments: [json, verdict["id"]])
        }
    }
}

/// The splits of an old verdict row's flat reaction list that reproduce its stored energies.
struct OldVerdictSplit {
    struct Reaction {
        var id: Int64
        var status: String
        var kJMol: Double?
        var normalizedKJMol: Double?
    }

    var candidates: [VerdictRoles] = []

    /// The one split, or nil when none or several reproduce the row.
    var unique: VerdictRoles? { candidates.count == 1 ? candidates[0] : nil }

    init(_ verdict: Row, _ db: Database) throws {
        let ids = try JSONDecoder().decode([Int64].self, from: Data((verdict["reaction_ids"] as String).utf8))
        var rows: [Reaction] = []
        for id in ids {
            guard let r = try Row.fetchOne(db, sql: "SELECT * FROM reactions WHERE id = ?", arguments: [id]) else { return }
            rows.append(Reaction(id: id, status: r["status"], kJMol: r["energy_kj_mol"], normalizedKJMol: r["normalized_kj_mol"]))
        }
        let stored = Stored(verdict)
        for bulkCount in Self.bulkCounts(rows, stored) {
            let rest = Array(rows.dropFirst(bulkCount))
            for cut in 0...rest.count where stored.reproduced(by: Array(rest[..<cut]), Array(rest[cut...])) {
                candidates.append(VerdictRoles(bulk: bulkCount == 1 ? rows[0].id : nil, active: rest[..<cut].map(\.id),
                                               inactive: rest[cut...].map(\.id)))
            }
        }
    }

    /// Whether the list starts with the bulk reaction (1) or not (0): the ones the row allows.
    static func bulkCounts(_ rows: [Reaction], _ stored: Stored) -> [Int] {
        guard let first = rows.first else { return [0] }
        if let perUnit = stored.bulkPerUnit { return first.normalizedKJMol == perUnit ? [1] : [] }
        // Every configuration used is done with an energy: a first row that is not must be the bulk.
        return first.status == "done" && first.kJMol != nil ? [0, 1] : [1]
    }

    /// The energies an old verdict row stored, to test splits against.
    struct Stored {
        var bulkPerUnit: Double?
        var activeLowest, activeBoltzmann, inactiveLowest, inactiveBoltzmann: Double?
        var kelvin: Double

        init(_ row: Row) {
            bulkPerUnit = row["bulk_kj_per_unit"]
            activeLowest = row["active_lowest_kj"]
            activeBoltzmann = row["active_boltzmann_kj"]
            inactiveLowest = row["inactive_lowest_kj"]
            inactiveBoltzmann = row["inactive_boltzmann_kj"]
            kelvin = row["temperature"]
        }

        func reproduced(by active: [Reaction], _ inactive: [Reaction]) -> Bool {
            let a = active.compactMap(\.kJMol), i = inactive.compactMap(\.kJMol)
            guard a.count == active.count, i.count == inactive.count else { return false }
            return same(a.min(), activeLowest) && same(i.min(), inactiveLowest)
                && same(boltzmann(a), activeBoltzmann) && same(boltzmann(i), inactiveBoltzmann)
        }

        /// Σ E·w / Σ w, w = exp(−(E − E_min)/RT): the average the verdict evaluator stored.
        func boltzmann(_ energies: [Double]) -> Double? {
            guard let minimum = energies.min() else { return nil }
            let rt = 8.314462618e-3 * max(kelvin, 1e-9)
            let weights = energies.map { exp(-($0 - minimum) / rt) }
            return zip(energies, weights).reduce(0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)
        }

        func same(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(y))
            default: false
            }
        }
    }
}
