import Foundation
import Store
import XCTest

/// The issue's "done when", end to end: a `[screen]` of one perovskite against three glasses run in
/// two shards and merged (no other command), a measured CSV for the three pairings, `compare` giving
/// one rank correlation with n = 3, and a report whose configurations sit in their stored phases,
/// each with a picture, checked in headless chromium for figures with content and no overlapping labels.
final class ScreenMatrixCLITests: XCTestCase {
    static let glasses = ["ZIF-4", "ZIF-8", "ZIF-62"]

    /// CsPbBr3 (2 formula units, as-built single points, k = 1 at two sites) against ZIF-4, ZIF-8, ZIF-62.
    func spec(_ cli: CLIHarness) throws -> String {
        let bulk = CLIHarness.repository.appendingPathComponent("clusters/bulk").path
        let crystal = CLIHarness.repository.appendingPathComponent("clusters/glass/ZIF-4-crystal.extxyz").path
        let text = """
            [campaign]
            name = "matrix"
            database = "matrix.sqlite"

            [defaults]
            gfn = 2

            [screen]
            k = [1]
            sites = 2
            orientations = 1
            protocol = "unrelaxed"
            temperature = 300

            [[perovskites]]
            name = "CsPbBr3"
            units = 2
            active = { phase = "alpha", cell = "\(bulk)/CsPbBr3-alpha.cif", bulk = "1x1x1" }
            inactive = { phase = "delta", cell = "\(bulk)/CsPbBr3-delta-hypothetical.cif", bulk = "1x1x1" }

            [[glasses]]
            name = "ZIF-4"
            zn = 1
            crystal = "\(crystal)"

            [[glasses]]
            name = "ZIF-8"
            zn = 1
            ligand = "mIm"
            crystal = "\(crystal)"

            [[glasses]]
            name = "ZIF-62"
            zn = 1
            bim = 1
            crystal = "\(crystal)"
            """
        let path = cli.path("matrix.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Invented values (clearly marked), one per pairing, same quantity and conditions.
    func measured(_ cli: CLIHarness) throws -> String {
        var csv = "pairing,perovskite,glass,composition,sintering_temperature_C,quantity,value,unit,kind,source\n"
        for (glass, value) in zip(Self.glasses, [10, 30, 20]) {
            csv += "CsPbBr3/\(glass),CsPbBr3,\(glass),0.5,300,active_phase_wt_percent,\(value),wt%,measured,"
                + "INVENTED for a test: not a published value\n"
        }
        let path = cli.path("invented.csv")
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testShardedScreenMergesComparesAndReports() throws {
        let cli = try CLIHarness()
        let spec = try spec(cli), csv = try measured(cli)
        var shards: [String] = []
        for i in 1...2 {
            let run = try cli.run(["run", spec, "--shard", "\(i)/2"])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            shards.append(cli.path("matrix.shard-\(i)-of-2.sqlite"))
        }
        let all = cli.path("all.sqlite")
        let merge = try cli.run(["merge"] + shards + ["-o", all])
        XCTAssertEqual(merge.status, 0, merge.stdout + merge.stderr)
        XCTAssertTrue(merge.stdout.contains("campaign matrix: reactions"), merge.stdout)

        // One rank correlation across the three pairings, straight from the merged database.
        let compare = try cli.run(["compare", "--db", all, "--measured", csv, "--json"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let ranks = try XCTUnwrap(json["rank_correlations"] as? [[String: Any]])
        XCTAssertEqual(ranks.count, 1, "\(ranks)")
        XCTAssertEqual(ranks.first?["n"] as? Int, 3)
        XCTAssertEqual(ranks.first?["protocol"] as? String, "unrelaxed")
        XCTAssertNotNil(ranks.first?["p_value"] as? Double)
        let pairings = (ranks.first?["points"] as? [[String: Any]])?.compactMap { $0["pairing"] as? String }
        XCTAssertEqual(Set(pairings ?? []), Set(Self.glasses.map { "CsPbBr3/\($0)" }))

        // The verdicts keep their protocol and the phase of every configuration.
        let store = try ResultsStore(path: all)
        let verdicts = try store.verdicts(campaign: "matrix")
        XCTAssertEqual(verdicts.count, 3)
        let names = Dictionary(uniqueKeysWithValues: try store.reactions(campaign: "matrix").compactMap { r in
            r.id.map { ($0, r.name) }
        })
        var active = Set<Int64>(), inactive = Set<Int64>()
        for verdict in verdicts {
            XCTAssertEqual(verdict.protocolName, "unrelaxed")
            let roles = try XCTUnwrap(verdict.roles, verdict.name)
            XCTAssertFalse(roles.active.isEmpty || roles.inactive.isEmpty, verdict.name)
            for id in roles.active { XCTAssertTrue(names[id]?.contains(" alpha ") == true, names[id] ?? "") }
            for id in roles.inactive { XCTAssertTrue(names[id]?.contains(" delta ") == true, names[id] ?? "") }
            active.formUnion(roles.active)
            inactive.formUnion(roles.inactive)
        }

        let printed = try cli.run(["verdict", "--db", all, "--json"])
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.compactMap { $0["protocol"] as? String }, ["unrelaxed", "unrelaxed", "unrelaxed"])
        XCTAssertTrue(objects.allSatisfy { $0["reaction_roles"] is [String: Any] })

        let out = cli.path("report")
        let report = try cli.run(["report", "--db", all, "--measured", csv, "--out", out])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        // Every bar is drawn in its stored phase, and every configuration has a picture.
        let bars = Self.matches(#"class="(active|inactive)(?: lowest)?" data-row="reactions:(\d+)""#, html)
        XCTAssertEqual(Set(bars.filter { $0[0] == "active" }.compactMap { Int64($0[1]) }), active)
        XCTAssertEqual(Set(bars.filter { $0[0] == "inactive" }.compactMap { Int64($0[1]) }), inactive)
        let pictures = Self.matches(#"class="structure-box" data-row="reactions:(\d+)""#, html)
        XCTAssertEqual(Set(pictures.compactMap { Int64($0[0]) }), active.union(inactive))
        XCTAssertTrue(html.contains("matrix — CsPbBr3/ZIF-4, protocol: unrelaxed"), "protocol kept in the verdict header")
        XCTAssertFalse(html.contains(">verdict 1<"), "points carry pairing names")

        try BrowserLayout.measure("\(out)/index.html", in: cli).assertReadable()
    }

    /// Capture groups of every match of `pattern` in `text`.
    static func matches(_ pattern: String, _ text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1..<m.numberOfRanges).compactMap { Range(m.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }
}

/// The browser check itself: a page with two labels drawn on top of each other, and a figure
/// without marks, is caught.
final class BrowserLayoutTests: XCTestCase {
    func testOverlappingLabelsAndEmptyFiguresAreSeen() throws {
        let cli = try CLIHarness()
        let page = """
            <!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body>
            <figure id="crowded"><svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">
            <rect x="10" y="10" width="20" height="20" data-row="reactions:1"/>
            <text x="50" y="50">CsPbBr3/ZIF-4</text><text x="60" y="54">CsPbBr3/ZIF-8</text>
            <text x="50" y="90">apart</text></svg></figure>
            <figure id="empty"><svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">
            <text x="10" y="20">title only</text></svg></figure>
            </body></html>
            """
        let path = cli.path("crowded.html")
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        let layout = try BrowserLayout.measure(path, in: cli)
        XCTAssertEqual(layout.figures.map(\.id), ["crowded", "empty"])
        XCTAssertEqual(layout.figures[0].overlaps, ["CsPbBr3/ZIF-4 | CsPbBr3/ZIF-8"])
        XCTAssertEqual(layout.figures[0].marks, 1)
        XCTAssertEqual(layout.figures[1].marks, 0)
        XCTAssertEqual(layout.figures[1].texts, 1)
    }
}
