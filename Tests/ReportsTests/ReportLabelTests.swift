import Foundation
@testable import Reports
import Structures
import XCTest

/// Short configuration labels, point labels that stay clear and attached, structure pictures.
final class ReportLabelTests: XCTestCase {
    /// Screen names differ only deep inside: the labels keep the parts that differ, per phase.
    func testScreenConfigurationsGetShortDistinctLabels() {
        let names = [("interface CsPbBr3/ZIF-4 alpha CsPbBr3-alpha-8fu_ZIF-4_k1_pb2x5_im1_o0", "alpha"),
                     ("interface CsPbBr3/ZIF-4 alpha CsPbBr3-alpha-8fu_ZIF-4_k1_pb2x7_im1_o0", "alpha"),
                     ("interface CsPbBr3/ZIF-4 delta CsPbBr3-delta-8fu_ZIF-4_k1_pb1_im1_o0", "delta"),
                     ("interface CsPbBr3/ZIF-4 delta CsPbBr3-delta-8fu_ZIF-4_k1_pb1_im1_o0", "delta")]
        let labels = ConfigurationLabels.make(names.map { (name: $0.0, phase: $0.1) })
        XCTAssertEqual(labels[names[0].0], "α pb2x5")
        XCTAssertEqual(labels[names[1].0], "α pb2x7")
        XCTAssertEqual(labels[names[2].0], "δ pb1 #2", "a repeated name is told apart")
        XCTAssertTrue(labels.values.allSatisfy { $0.count <= 12 })
    }

    /// Two points 1.6 px apart (the case): each label is clear of the other label, of both
    /// circles and of the fixed notes, and the one set away from its point gets a leader line.
    func testCloseLabelsDoNotOverlapAndStayAttached() {
        var placer = LabelPlacer(plotLeft: 78, plotRight: 656, plotTop: 40, plotBottom: 304)
        let points = [(300.0, 218.3), (302.0, 216.7), (304.0, 217.5)]
        for (x, y) in points { placer.reserve((x - 7, x + 7, y - 7, y + 7)) }
        var placed: [LabelPlacer.Box] = []
        for (i, (x, y)) in points.enumerated() {
            let at = placer.place("CsPbBr3/ZIF-\(i)", px: x, py: y)
            let box = LabelPlacer.box("CsPbBr3/ZIF-\(i)", x: at.x, y: at.y, anchor: at.anchor)
            for (cx, cy) in points { XCTAssertFalse(LabelPlacer.overlaps(box, (cx - 7, cx + 7, cy - 7, cy + 7))) }
            for other in placed { XCTAssertFalse(LabelPlacer.overlaps(box, other)) }
            XCTAssertLessThan(abs(at.y - y), 70, "next to its own point")
            if abs(at.y - y) > 12 { XCTAssertTrue(at.needsLeader) }
            placed.append(box)
        }
    }

    /// y = x: its label sits below the rising line, so the dash never crosses it.
    func testDiagonalLabelIsClearOfTheLine() throws {
        let plot = ScatterPlot(title: "t", points: [.init(x: -800, y: 50, label: "a", row: "verdicts:1", tooltip: "")],
                               xTitle: "x", yTitle: "y", diagonal: true)
        let svg = plot.svg()
        let line = try XCTUnwrap(svg.split(separator: "\n").first { $0.contains("class=\"diagonal\"") })
        let text = try XCTUnwrap(svg.split(separator: "\n").first { $0.contains(">y = x<") })
        func number(_ s: Substring, _ name: String) throws -> Double {
            let r = try XCTUnwrap(s.range(of: "\(name)=\""))
            return try XCTUnwrap(Double(s[r.upperBound...].prefix { $0 != "\"" }))
        }
        let (x1, y1, x2, y2) = (try number(line, "x1"), try number(line, "y1"), try number(line, "x2"), try number(line, "y2"))
        let box = LabelPlacer.box("y = x", x: try number(text, "x"), y: try number(text, "y"), anchor: "start")
        // The line's y at the box's left and right edges is above the box (smaller y) on both.
        for x in [box.x0, box.x1] {
            let yLine = y1 + (y2 - y1) * (x - x1) / (x2 - x1)
            XCTAssertLessThan(yLine, box.y0, "the dashed line passes above the label at x = \(x)")
        }
    }

    /// The exchanged imidazolate (its N on Pb) and the bromide on Zn are marked, nothing else.
    func testExchangedLigandIsFoundFromTheGeometry() {
        // Pb at the origin, N 2.5 Å away on x with a C (1.33 Å) and H beyond it; Zn far off with a Br
        // at 2.4 Å; a lone C–H pair far from both.
        let s = Structure(name: "p", atomicNumbers: [82, 7, 6, 1, 30, 35, 6, 1],
                          positions: [Vec3(0, 0, 0), Vec3(2.5, 0, 0), Vec3(3.83, 0, 0), Vec3(4.9, 0, 0),
                                      Vec3(0, 10, 0), Vec3(2.4, 10, 0), Vec3(0, -10, 0), Vec3(1.09, -10, 0)])
        XCTAssertEqual(ExchangedLigand.atoms(in: s), [1, 2, 3, 5])
        var canvas = SVGCanvas(width: 200, height: 200, title: "t")
        StructureDrawing(structure: s, highlighted: [1, 2, 3, 5]).draw(on: &canvas, x: 0, y: 0, size: 150,
                                                                       row: "reactions:1", tooltip: "p")
        XCTAssertEqual(canvas.elements.filter { $0.contains("class=\"atom exchanged\"") }.count, 4)
        XCTAssertEqual(canvas.elements.filter { $0.contains("class=\"atom\"") }.count, 4)
        XCTAssertEqual(canvas.elements.filter { $0.contains("class=\"bond exchanged\"") }.count, 2,
                       "N–C and C–H; Pb–N and Zn–Br join a marked atom to an unmarked one")
    }
}
