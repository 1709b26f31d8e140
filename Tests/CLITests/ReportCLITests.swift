import Foundation
import Store
import XCTest

/// `interscreen report` on databases made by real tiny campaigns, the page checked by python3's
/// xml.etree (an independent XML parser).
final class ReportCLITests: XCTestCase {
    /// Parses an XML file with python3 and lists, per `<svg>`, the `data-row` of its rect/circle/path marks.
    static let checker = """
        import json, sys, xml.etree.ElementTree as ET
        svg = '{http://www.w3.org/2000/svg}'
        root = ET.parse(sys.argv[1]).getroot()
        svgs = [root] if root.tag == svg + 'svg' else list(root.iter(svg + 'svg'))
        marks = [[e.get('data-row') for e in s.iter() if e.tag in (svg + 'rect', svg + 'circle', svg + 'path')
                  and e.get('data-row')] for s in svgs]
        lowest = [e.get('data-row') for e in root.iter() if 'lowest' in (e.get('class') or '').split()]
        text = ''.join(root.itertext())
        print(json.dumps({'marks': marks, 'scripts': len(list(root.iter('{http://www.w3.org/1999/xhtml}script'))),
                          'lowest': lowest, 'text': text}))
        """

    struct Page {
        var marks: [[String]]
        var scripts: Int
        /// `data-row` of the marks drawn as the lowest configuration.
        var lowest: [String]
        var text: String
    }

    func xmlMarks(_ cli: CLIHarness, _ file: String) throws -> Page {
        let out = try cli.run(["python3", "-c", Self.checker, file], executable: URL(fileURLWithPath: "/usr/bin/env"))
        XCTAssertEqual(out.status, 0, "\(file) is not well-formed XML: \(out.stderr)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return Page(marks: try XCTUnwrap(json["marks"] as? [[String]]), scripts: json["scripts"] as? Int ?? -1,
                    lowest: json["lowest"] as? [String] ?? [], text: json["text"] as? String ?? "")
    }

    /// Two configurations per phase (a reaction and the same taken twice): one bar each, and the
    /// lowest of each phase, by the stored reaction energies, is the one marked.
    func testLowestConfigurationOfEachPhaseIsMarked() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "cspbi3-agzif62", doubled: true)
        let out = cli.path("doubled")
        XCTAssertEqual(try cli.run(["report", "--db", pairings.database, "--out", out]).status, 0)
        let page = try xmlMarks(cli, "\(out)/index.html")
        let reactions = try ResultsStore(path: pairings.database).reactions()
        func lowest(_ prefix: String) throws -> String {
            let rows = reactions.filter { $0.name.hasPrefix(prefix) }
            XCTAssertEqual(rows.count, 2)
            let row = try XCTUnwrap(rows.min { ($0.energyKJMol ?? .infinity) < ($1.energyKJMol ?? .infinity) })
            return "reactions:\(try XCTUnwrap(row.id))"
        }
        // One bar and one structure picture per configuration, both naming the same reaction row.
        let reactionMarks = page.marks.flatMap { $0 }.filter { $0.hasPrefix("reactions:") }
        XCTAssertEqual(reactionMarks.count, 8)
        XCTAssertEqual(Set(reactionMarks).count, 4)
        XCTAssertEqual(Set(page.lowest), [try lowest("iodide addition"), try lowest("Cs2PbI4 from")])
    }

    /// Three pairings and a measured file: the page parses, every figure has marks naming rows, the
    /// predicted-versus-measured points are the verdict rows, the timeline has one bar per timed task row.
    func testReportFromRealCampaigns() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        for (campaign, n) in [("pa", 2), ("pb", 4), ("pc", 8)] { try pairings.run(campaign: campaign, formulaUnits: n) }
        let margins = try pairings.marginsPerUnit()
        let csv = try pairings.writeMeasured(margins.keys.sorted().enumerated().map { ($1, Double($0 + 1)) })
        let out = cli.path("report")
        let run = try cli.run(["report", "--db", pairings.database, "--out", out, "--measured", csv])
        XCTAssertEqual(run.status, 0, run.stderr)

        let page = try xmlMarks(cli, "\(out)/index.html")
        XCTAssertEqual(page.scripts, 0)
        XCTAssertGreaterThanOrEqual(page.marks.count, 4, "reaction energies ×3, margin, measured, timeline")
        for (i, marks) in page.marks.enumerated() { XCTAssertFalse(marks.isEmpty, "svg \(i) has no data mark") }
        let all = page.marks.flatMap { $0 }
        let verdictIDs = margins.values.map(\.id).sorted()
        let measuredPoints = all.filter { $0.contains("measured:") }
        XCTAssertEqual(measuredPoints.count, 3)
        XCTAssertEqual(measuredPoints.compactMap { Int($0.split(separator: " ")[0].dropFirst("verdicts:".count)) }.sorted(),
                       verdictIDs)
        XCTAssertEqual(Set(all.filter { $0.hasPrefix("verdicts:") && !$0.contains(" ") }), Set(verdictIDs.map { "verdicts:\($0)" }),
                       "one margin-versus-bulk point per verdict row")

        let store = try ResultsStore(path: pairings.database)
        let timed = try store.tasks().filter { $0.startedAt != nil && $0.finishedAt != nil }.compactMap(\.id)
        XCTAssertEqual(all.filter { $0.hasPrefix("tasks:") }.sorted(), timed.map { "tasks:\($0)" }.sorted())
        let reactionIDs = try store.verdicts().flatMap { Array($0.reactionIDs.dropFirst()) }
        XCTAssertEqual(Set(all.filter { $0.hasPrefix("reactions:") }), Set(reactionIDs.map { "reactions:\($0)" }),
                       "one bar per configuration (the bulk reaction is not a configuration)")

        let markdown = try String(contentsOfFile: "\(out)/report.md", encoding: .utf8)
        let svgFiles = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".svg") }
        XCTAssertEqual(svgFiles.count, page.marks.count)
        for file in svgFiles {
            XCTAssertTrue(markdown.contains("](\(file))"), file)
            XCTAssertFalse(try xmlMarks(cli, "\(out)/\(file)").marks.flatMap { $0 }.isEmpty, file)
        }
        // Rendered in a real browser: every figure has content, no two labels overlap.
        try BrowserLayout.measure("\(out)/index.html", in: cli).assertReadable()
    }

    /// Without --measured the predicted-versus-measured figure is left out (not drawn empty), and said so.
    func testWithoutMeasuredFileThatFigureIsOmitted() throws {
        let cli = try CLIHarness()
        let pairings = VerdictCampaignFixture(cli: cli)
        try pairings.run(campaign: "cspbi3-agzif62")
        let out = cli.path("plain")
        let run = try cli.run(["report", "--db", pairings.database, "--out", out, "--campaign", "cspbi3-agzif62"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = try xmlMarks(cli, "\(out)/index.html")
        XCTAssertTrue(page.text.contains("No measured file given"), page.text)
        XCTAssertFalse(page.marks.flatMap { $0 }.contains { $0.contains("measured:") })
        for (i, marks) in page.marks.enumerated() { XCTAssertFalse(marks.isEmpty, "svg \(i) has no data mark") }
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.hasPrefix("predicted") })
    }
}
