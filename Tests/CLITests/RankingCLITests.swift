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
            XCTAssertEqual(Int(cells[6]), margins[campaign]!.id, "each row names its verdict row")
        }
        let json = try pairings.verdicts()
        for object in json {
            let perUnit = try XCTUnwrap(object["margin_kj_per_unit"] as? Double)
            let margin = try XCTUnwrap(object["margin_kj"] as? Double)
            XCTAssertEqual(perUnit, margin / (object["formula_units"] as! Double), accuracy: 1e-9)
        }
    }
}
