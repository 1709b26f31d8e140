import Foundation
import XCTest

/// `interscreen compare` on databases made by real tiny campaigns.
final class CompareCLITests: XCTestCase {
    /// The seed pairing: campaign cspbi3-agzif62 maps to the rows of jobs/measured/li2023.csv. The paper
    /// observed the active γ phase kept (near-complete at x = 0.40, 350 °C; 13.7 wt% γ at x = 0.50): observed
    /// stabilised. The prediction is this database's margin, so they agree exactly when it is positive.
    func testSeedPairingSignAgreement() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "cspbi3-agzif62")
        let seed = try XCTUnwrap(try pairings.marginsPerUnit()["cspbi3-agzif62"])

        let out = try cli.run(["compare", "--db", pairings.database, "--measured", VerdictCampaignFixture.li2023, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let signs = try XCTUnwrap(json["sign_agreement"] as? [[String: Any]])
        XCTAssertEqual(signs.count, 1)
        let sign = try XCTUnwrap(signs.first)
        XCTAssertEqual(sign["verdict_id"] as? Int, seed.id)
        XCTAssertEqual(sign["margin_kj_per_formula_unit"] as? Double ?? .nan, seed.perUnit, accuracy: 1e-9)
        XCTAssertEqual(sign["observed_stabilised"] as? Bool, true)
        XCTAssertEqual(sign["predicted_stabilises"] as? Bool, seed.perUnit > 0)
        XCTAssertEqual(sign["agrees"] as? Bool, seed.perUnit > 0)
        let evidence = try XCTUnwrap(sign["evidence"] as? [String])
        XCTAssertEqual(evidence.map { $0.split(separator: ":").last.map(String.init) ?? "" }, ["2", "3", "4"],
                       "the two γ-retention rows and the γ wt% row")
        XCTAssertEqual((json["unmatched"] as? [Any])?.count, 0, "every li2023 row belongs to CsPbI3/agZIF-62")

        let text = try cli.run(["compare", "--db", pairings.database, "--measured", VerdictCampaignFixture.li2023])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("too few pairings to conclude (n = 1)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("cspbi3-agzif62 (verdict \(seed.id), cspbi3-agzif62: frozen framework, alpha vs delta)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("→ \(seed.perUnit > 0 ? "agree" : "disagree")"), text.stdout)

        // Several files at once (a shell glob): every file's rows count, each named by its own file and line.
        let literature = VerdictCampaignFixture.li2023.replacingOccurrences(of: "li2023.csv", with: "literature.csv")
        let both = try cli.run(["compare", "--db", pairings.database, "--measured", VerdictCampaignFixture.li2023,
                                literature, "--json"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let bothJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any])
        let bothEvidence = try XCTUnwrap((bothJSON["sign_agreement"] as? [[String: Any]])?.first?["evidence"] as? [String])
        XCTAssertEqual(bothEvidence.filter { $0.hasPrefix(literature + ":") }, [literature + ":2"], "\(bothEvidence)")
        XCTAssertEqual(bothEvidence.filter { $0.hasPrefix(VerdictCampaignFixture.li2023 + ":") }.count, 3)
        let none = try cli.run(["compare", "--db", pairings.database])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertTrue(none.stderr.contains("--measured"), none.stderr)
    }

    /// Honest inputs end to end: a verdict whose bulk supercell series did not converge is flagged in
    /// `verdict` (text, JSON), `compare` (left out of the counts) and the report; one configuration
    /// per phase prints "spread unknown", never "± 0".
    func testUnconvergedBulkAndUnknownSpreadAreFlaggedEverywhere() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "cspbi3-agzif62", bulkConverged: false)
        let v = try XCTUnwrap(try pairings.verdicts().first)
        XCTAssertEqual(v["bulk_converged"] as? Bool, false)
        XCTAssertEqual(v["spread_known"] as? Bool, false)
        XCTAssertTrue(v["uncertainty_kj"] is NSNull, "\(v)")
        let sentence = try XCTUnwrap(v["verdict"] as? String)
        XCTAssertTrue(sentence.contains("BULK SUPERCELL SERIES NOT CONVERGED"), sentence)
        XCTAssertTrue(sentence.contains("spread unknown"), sentence)
        XCTAssertFalse(sentence.contains("± 0"), sentence)

        let text = try cli.run(["verdict", "--db", pairings.database])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("| bulk supercells | bulk supercell series NOT CONVERGED |"), text.stdout)
        XCTAssertTrue(text.stdout.contains("spread unknown (a phase has one configuration)"), text.stdout)

        let compare = try cli.run(["compare", "--db", pairings.database, "--measured", VerdictCampaignFixture.li2023, "--json"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let sign = try XCTUnwrap((json["sign_agreement"] as? [[String: Any]])?.first)
        XCTAssertEqual(sign["outcome"] as? String, "bulk not converged")
        XCTAssertTrue(sign["agrees"] is NSNull, "\(sign)")
        let compareText = try cli.run(["compare", "--db", pairings.database, "--measured", VerdictCampaignFixture.li2023])
        XCTAssertTrue(compareText.stdout.contains("0 agree, 0 disagree, 0 not conclusive (margin within the spread), "
                                                  + "1 left out (bulk supercell series not converged)"), compareText.stdout)

        let out = cli.path("report")
        let report = try cli.run(["report", "--db", pairings.database, "--out", out, "--measured", VerdictCampaignFixture.li2023])
        XCTAssertEqual(report.status, 0, report.stderr)
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("bulk supercell series NOT CONVERGED"), markdown)
        XCTAssertTrue(markdown.contains("1 left out (bulk supercell series not converged)"), markdown)
        XCTAssertTrue(markdown.contains("spread unknown"), markdown)
    }

    /// Three pairings whose margins differ (n = 2, 4, 8 formula units over the same energies), measured
    /// values assigned in the margins' order: identical ranks, ρ = 1; in reverse order, ρ = −1.
    func testRankCorrelationOverThreePairings() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        for (campaign, n) in [("pa", 2), ("pb", 4), ("pc", 8)] { try pairings.run(campaign: campaign, formulaUnits: n) }
        let margins = try pairings.marginsPerUnit()
        let ordered = margins.sorted { $0.value.perUnit < $1.value.perUnit }.map(\.key)
        XCTAssertEqual(Set(margins.values.map(\.perUnit)).count, 3, "three distinct predictions")

        let rising = try pairings.writeMeasured(ordered.enumerated().map { ($1, Double(10 * ($0 + 1))) } + [("nowhere", 1)])
        let up = try compareJSON(cli, pairings, rising)
        let rank = try XCTUnwrap((up["rank_correlations"] as? [[String: Any]])?.first)
        XCTAssertEqual(rank["n"] as? Int, 3)
        XCTAssertEqual(rank["rho"] as? Double ?? .nan, 1, accuracy: 1e-12)
        XCTAssertEqual((rank["points"] as? [[String: Any]])?.compactMap { $0["verdict_id"] as? Int }.sorted(),
                       margins.values.map(\.id).sorted())
        XCTAssertEqual(up["unmatched"] as? [String], ["\(rising):5"])

        let falling = try pairings.writeMeasured(ordered.enumerated().map { ($1, Double(30 - 10 * $0)) }, name: "down.csv")
        let down = try compareJSON(cli, pairings, falling)
        XCTAssertEqual((down["rank_correlations"] as? [[String: Any]])?.first?["rho"] as? Double ?? .nan, -1, accuracy: 1e-12)
    }

    /// `campaign:verdict` names one verdict row of one campaign.
    func testExplicitCampaignVerdictMapping() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "pa", verdict: "plumbing")
        try pairings.run(campaign: "pb", verdict: "plumbing")
        let margins = try pairings.marginsPerUnit()
        let csv = try pairings.writeMeasured([("pb:plumbing", 5)])
        let json = try compareJSON(cli, pairings, csv)
        let rows = try XCTUnwrap(json["observations"] as? [[String: Any]])
        XCTAssertEqual(rows.first?["verdict_ids"] as? [Int], [try XCTUnwrap(margins["pb"]).id])
        let only = try cli.run(["compare", "--db", pairings.database, "--measured", csv, "--campaign", "pa", "--json"])
        let filtered = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(filtered["unmatched"] as? [String], ["\(csv):2"], "--campaign pa leaves pb's verdict out")
    }

    func testBadMeasuredFileNamesItsLine() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "pa")
        let bad = cli.path("bad.csv")
        try "pairing,perovskite,glass,composition,sintering_temperature_C,quantity,value,unit,kind,source\npa,,,0.5,350,q,1,C,measured,\"open\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let out = try cli.run(["compare", "--db", pairings.database, "--measured", bad])
        XCTAssertNotEqual(out.status, 0)
        XCTAssertTrue(out.stderr.contains("\(bad):2: a quoted field is never closed"), out.stderr)
    }

    func compareJSON(_ cli: CLIHarness, _ pairings: VerdictCampaignFixture, _ csv: String) throws -> [String: Any] {
        let out = try cli.run(["compare", "--db", pairings.database, "--measured", csv, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }
}
