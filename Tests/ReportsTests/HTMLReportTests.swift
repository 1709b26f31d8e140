import Analysis
import Foundation
@testable import Reports
@testable import Store
import XCTest

/// The HTML page is well-formed XML, escapes what it shows, and every figure has data marks.
final class HTMLReportTests: XCTestCase {
    func data(measured: [MeasuredObservation]? = nil) -> ReportData {
        ReportData(database: "db.sqlite", campaign: nil, verdicts: [ReportFixture.verdict()],
                   reactions: ReportFixture.reactions(), tasks: [], calculations: [], optimizations: [], failures: [],
                   observations: measured, measuredFile: measured == nil ? nil : "m.csv")
    }

    func testPageIsWellFormedAndEveryFigureHasMarks() throws {
        let html = HTMLReport.render(ReportContent(data()))
        XCTAssertNil(try StrictXML.problem(html))
        let check = XMLDocumentCheck(html)
        XCTAssertNil(check.error, check.error ?? "")
        XCTAssertEqual(check.svgCount, 2, "reaction energies and margin; no measured file, no timeline data")
        for (svg, marks) in check.dataMarksPerSVG { XCTAssertFalse(marks.isEmpty, "svg \(svg) has no data mark") }
        XCTAssertTrue(check.text.contains("c<&>"), "names are shown as written (escaped in the source)")
        XCTAssertTrue(check.text.contains("No measured file given"))
        XCTAssertFalse(html.contains("Predicted versus measured"))
        XCTAssertFalse(html.contains("<script"))
    }

    func testTheCheckerRefusesMalformedXML() throws {
        XCTAssertNotNil(try StrictXML.problem("<p><b>text</p>"))
        XCTAssertNotNil(try StrictXML.problem("<p>a & b</p>"))
        XCTAssertNil(try StrictXML.problem("<p><b>text</b></p>"))
    }

    /// The reaction-energy bars name their reaction rows, and the lowest of each phase is marked.
    func testReactionBarsNameTheirRows() throws {
        let check = XMLDocumentCheck(HTMLReport.render(ReportContent(data())))
        let bars = check.elements.filter { $0.name == "rect" && ($0.attributes["data-row"] ?? "").hasPrefix("reactions:") }
        XCTAssertEqual(bars.compactMap { $0.attributes["data-row"] }, ["reactions:2", "reactions:3", "reactions:4"])
        let marked = bars.filter { ($0.attributes["class"] ?? "").contains("lowest") }
        XCTAssertEqual(marked.compactMap { $0.attributes["data-row"] }, ["reactions:2", "reactions:4"])
        let point = try XCTUnwrap(check.elements.first { $0.name == "circle" })
        XCTAssertEqual(point.attributes["data-row"], "verdicts:5")
    }

    func testMarkdownReferencesTheFigureFiles() {
        let content = ReportContent(data())
        let markdown = MarkdownReport.render(content)
        for figure in content.figures { XCTAssertTrue(markdown.contains("](\(figure.id).svg)"), figure.id) }
        XCTAssertTrue(markdown.contains("| quantity | value | paper |"))
    }
}
