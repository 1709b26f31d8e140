import Foundation
import XCTest

/// `interscreen verdict` on a database with several pairings: a ranking by margin per formula unit.
final class RankingCLITests: XCTestCase {
    func testPairingsAreRankedByMarginPerFormulaUnit() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        for (campaign, n) in [("pa", 2), ("pb", 4), ("pc", 8)] { try pairings.run(campaign: campaign, formulaUnits: n) }
        let margins = try pairings.marginsPerUnit()
        let expected = margins.sorted { $0.value.perUnit > $1.value.perUnit }.map(\.key)

        let table = try cli.run(["verdict", "--db", pairings.database])
        XCTAssertEqual(table.status, 0, table.stderr)
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.split(separator: "|").first?
            .trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber) == true }
        XCTAssertEqual(rows.count, 3, table.stdout)
        let campaigns = rows.map { String($0.split(separator: "|")[1].trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) }
        XCTAssertEqual(campaigns, expected, table.stdout)
        for (row, campaign) in zip(rows, campaigns) {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(Double(cells[2])!, margins[campaign]!.perUnit, accuracy: 0.05, row.description)
            XCTAssertEqual(Int(cells[8]), margins[campaign]!.id, "each row names its verdict row")
        }
        let json = try pairings.verdicts()
        for object in json {
            let perUnit = try XCTUnwrap(object["margin_kj_per_unit"] as? Double)
            let margin = try XCTUnwrap(object["margin_kj"] as? Double)
            XCTAssertEqual(perUnit, margin / (object["formula_units"] as! Double), accuracy: 1e-9)
        }
    }

    func testFragmentSizesOfOnePairingFormOneRowWithTheirSpread() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "sized", verdict: "CsPbI3/ZIF-62", sizes: [2, 6])
        try pairings.run(campaign: "single", verdict: "CsPbI3/ZIF-4", formulaUnits: 4)
        let stored = try pairings.verdicts().filter { $0["campaign"] as? String == "sized" }
        XCTAssertEqual(Set(stored.compactMap { $0["protocol"] as? String }), ["CsPbI3/ZIF-62 2fu", "CsPbI3/ZIF-62 6fu"])
        XCTAssertEqual(Set(stored.compactMap { $0["pairing"] as? String }), ["CsPbI3/ZIF-62"])
        let perUnit = try stored.map { try XCTUnwrap($0["margin_kj_per_unit"] as? Double) }
        XCTAssertNotEqual(perUnit[0], perUnit[1], accuracy: 0.1, "the sizes must differ for the test to mean anything")

        let table = try cli.run(["verdict", "--db", pairings.database])
        XCTAssertEqual(table.status, 0, table.stderr)
        let rows = table.stdout.split(separator: "\n").filter { $0.contains("| sized CsPbI3/ZIF-62 |") }
        XCTAssertEqual(rows.count, 1, "one row per pairing, not per size:\n\(table.stdout)")
        let cells = try XCTUnwrap(rows.first).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(Double(cells[2])!, (perUnit[0] + perUnit[1]) / 2, accuracy: 0.05, "mean over sizes")
        XCTAssertEqual(Double(cells[4])!, abs(perUnit[0] - perUnit[1]) / 2, accuracy: 0.05, "half the range over sizes")
        XCTAssertEqual(cells[5], "2, 6")
        // The sizes' verdict sentences differ in their numbers; the row states what they conclude.
        let sentences = stored.compactMap { $0["verdict"] as? String }
        XCTAssertEqual(Set(sentences).count, 2, "\(sentences)")
        let heads = Set(sentences.map { $0.components(separatedBy: " (")[0] })
        XCTAssertEqual(heads.count, 1, "both sizes conclude the same here: \(sentences)")
        XCTAssertEqual(cells[6], heads.first, "the shared conclusion, not 'depends on fragment size'")
        let ids = Set(try stored.map { try XCTUnwrap($0["verdict_id"] as? Int) })
        XCTAssertEqual(cells[7], "–", "no nanocrystals in this matrix, so no L*")
        XCTAssertEqual(Set(cells[8].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }), ids)
        XCTAssertTrue(table.stdout.contains("| single CsPbI3/ZIF-4 |"), table.stdout)
    }
}
