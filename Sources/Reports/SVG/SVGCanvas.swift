import Foundation

/// An SVG document under construction: elements appended in drawing order.
struct SVGCanvas {
    let width: Double
    let height: Double
    let title: String
    private(set) var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// Appends `<name attributes…/>`, or with escaped `text` inside.
    mutating func add(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attrs = attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
        if let text {
            elements.append("<\(name)\(attrs)>\(XMLText.escape(text))</\(name)>")
        } else {
            elements.append("<\(name)\(attrs)/>")
        }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cssClass: String) {
        add("line", [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)), ("class", cssClass)])
    }

    mutating func text(_ string: String, x: Double, y: Double, anchor: String = "middle", cssClass: String = "label",
                       rotate: Double? = nil) {
        var attributes = [("x", Self.n(x)), ("y", Self.n(y)), ("text-anchor", anchor), ("class", cssClass)]
        if let rotate { attributes.append(("transform", "rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))")) }
        add("text", attributes, text: string)
    }

    /// A data mark: `<rect>` naming its source rows in `data-row`, with a tooltip.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, row: String, tooltip: String,
                       cssClass: String) {
        let attrs = [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(width, 0.5))),
                     ("height", Self.n(max(height, 0.5))), ("class", cssClass), ("data-row", row)]
        elements.append("<rect\(Self.attributes(attrs))><title>\(XMLText.escape(tooltip))</title></rect>")
    }

    /// A data mark: `<circle>` naming its source rows in `data-row`, with a tooltip.
    mutating func circle(x: Double, y: Double, radius: Double, row: String, tooltip: String, cssClass: String) {
        let attrs = [("cx", Self.n(x)), ("cy", Self.n(y)), ("r", Self.n(radius)), ("class", cssClass), ("data-row", row)]
        elements.append("<circle\(Self.attributes(attrs))><title>\(XMLText.escape(tooltip))</title></circle>")
    }

    /// An atom of a structure picture (not a data mark: the picture's box carries the rows).
    mutating func atom(x: Double, y: Double, radius: Double, fill: String, cssClass: String) {
        add("circle", [("cx", Self.n(x)), ("cy", Self.n(y)), ("r", Self.n(radius)), ("fill", fill), ("class", cssClass)])
    }

    /// The document: self-contained (its own style), XML well-formed.
    var svg: String {
        let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\">"
        let heading = "<text x=\"10\" y=\"18\" class=\"figure-title\">\(XMLText.escape(title))</text>"
        return ([head, "<title>\(XMLText.escape(title))</title>", "<style>\(SVGStyle.css)</style>", heading] + elements
            + ["</svg>"])
            .joined(separator: "\n")
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }

    /// A coordinate with two decimals.
    static func n(_ x: Double) -> String { String(format: "%.2f", x) }
}
