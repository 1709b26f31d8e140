import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks XML with Foundation's XMLParser and records every element (well-formedness: `StrictXML`).
final class XMLDocumentCheck: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Index of the enclosing `<svg>` in `svgs`, if inside one.
        var svg: Int?
    }

    private(set) var elements: [Element] = []
    private(set) var svgCount = 0
    private var openSVG: [Int] = []
    private(set) var error: String?
    private(set) var text = ""

    /// Parses `xml`; `error` is set when it is not well-formed.
    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = "\(parser.parserError.map { "\($0)" } ?? "parse failed") at line \(parser.lineNumber), column \(parser.columnNumber)"
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "svg" {
            openSVG.append(svgCount)
            svgCount += 1
        }
        elements.append(Element(name: name, attributes: attributes, svg: openSVG.last))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" { openSVG.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// Data marks (rect, circle, path with `data-row`) per `<svg>`, by svg index.
    var dataMarksPerSVG: [Int: [Element]] {
        var marks: [Int: [Element]] = [:]
        for i in 0..<svgCount { marks[i] = [] }
        for e in elements where ["rect", "circle", "path"].contains(e.name) && e.attributes["data-row"] != nil {
            if let svg = e.svg { marks[svg, default: []].append(e) }
        }
        return marks
    }
}
