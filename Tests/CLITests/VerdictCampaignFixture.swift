import Foundation
import XCTest

/// Real tiny campaigns with a `[[verdicts]]` table (GFN2 single points of small fragments), run
/// into one database: each campaign is one pairing, its verdict's margin set by `formulaUnits`.
struct VerdictCampaignFixture {
    let cli: CLIHarness
    let database: String

    init(cli: CLIHarness, database: String = "pairings.sqlite") {
        self.cli = cli
        self.database = cli.path(database)
    }

    /// Runs campaign `campaign` with verdict `verdict` (active "alpha", inactive "delta").
    /// With `doubled`, each phase gets a second configuration: its reaction taken twice (energy × 2).
    /// With `bulkConverged`, the verdict says whether its bulk supercell series converged.
    /// With `sizes`, one verdict per fragment size, named as a screen names them ("<verdict> 8fu").
    /// With `gamma`, each verdict also gets a γ twin ("<verdict> gamma", active phase "gamma",
    /// the same reactions): a job that defines both active phases.
    func run(campaign: String, verdict: String = "frozen framework", formulaUnits: Int = 8, doubled: Bool = false,
             sizes: [Int] = [], bulkConverged: Bool? = nil, gamma: Bool = false,
             file: StaticString = #filePath, line: UInt = #line) throws {
        let base = sizes.isEmpty ? [(verdict, formulaUnits)] : sizes.map { ("\(verdict) \($0)fu", $0) }
        let verdicts = base.map { ($0.0, $0.1, "alpha") } + (gamma ? base.map { ("\($0.0) gamma", $0.1, "gamma") } : [])
        let cs4 = "[[structures]]\nname = \"Cs4PbI6\"\nfiles = \"\(CLIHarness.fragment("Cs4PbI6"))\"\n"
        var spec = try String(contentsOfFile: try CampaignFixture(cli: cli).writeSpec(name: campaign, extraStructures: [cs4]),
                              encoding: .utf8)
        spec += """

        [[reactions]]
        name = "bulk stand-in"
        reactants = { Cs2PbI4 = 1, CsI = 2 }
        products = { Cs4PbI6 = 1 }
        normalize = { per = "CsI", count = 2 }

        \(doubled ? Self.doubledReactions : "")
        """
        for (name, units, active) in verdicts {
            spec += """

            [[verdicts]]
            name = "\(name)"
            active_phase = "\(active)"
            inactive_phase = "delta"
            active = "iodide*"
            inactive = "Cs2PbI4 from*"
            bulk = "bulk stand-in"
            formula_units = \(units)
            reference = { bulk = -18, active = -1224, inactive = -1033, source = "Li et al. 2023" }
            \(bulkConverged.map { "bulk_converged = \($0)" } ?? "")

            """
        }
        let path = cli.path("\(campaign).toml")
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try cli.run(["run", path, "--db", database])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr, file: file, line: line)
    }

    static let doubledReactions = """
        [[reactions]]
        name = "iodide addition twice"
        reactants = { PbI2 = 2, iodide = 2 }
        products = { "PbI3-anion" = 2 }

        [[reactions]]
        name = "Cs2PbI4 from CsI and PbI2 twice"
        reactants = { CsI = 4, PbI2 = 2 }
        products = { Cs2PbI4 = 2 }

        """

    /// The stored verdicts as `interscreen verdict --json` prints them.
    func verdicts() throws -> [[String: Any]] {
        let out = try cli.run(["verdict", "--db", database, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
    }

    /// Margin per formula unit of each campaign's verdict, with its verdict row id.
    func marginsPerUnit() throws -> [String: (id: Int, perUnit: Double)] {
        var out: [String: (id: Int, perUnit: Double)] = [:]
        for v in try verdicts() {
            let margin = try XCTUnwrap(v["margin_kj"] as? Double), n = try XCTUnwrap(v["formula_units"] as? Double)
            out[try XCTUnwrap(v["campaign"] as? String)] = (try XCTUnwrap(v["verdict_id"] as? Int), margin / n)
        }
        return out
    }

    /// The repository's measured file of the seed paper.
    static var li2023: String { CLIHarness.repository.appendingPathComponent("jobs/measured/li2023.csv").path }

    /// A measured CSV with one numeric `gamma_CsPbI3_wt_percent` row per pairing (x = 0.50, 350 °C).
    func writeMeasured(_ values: [(pairing: String, value: Double)], name: String = "measured.csv") throws -> String {
        var text = "pairing,perovskite,glass,composition,sintering_temperature_C,quantity,value,unit,kind,source\n"
        for (pairing, value) in values {
            text += "\(pairing),CsPbI3,agZIF-62,0.50,350,gamma_CsPbI3_wt_percent,\(value),wt%,measured,\"test, not data\"\n"
        }
        let path = cli.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
