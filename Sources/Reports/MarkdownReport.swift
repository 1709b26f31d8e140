/// The report as Markdown: the same tables, each figure referenced as the .svg file written beside it.
public enum MarkdownReport {
    public static func render(_ content: ReportContent) -> String {
        var out = ["# \(content.title)", ""]
        for section in content.sections {
            out += ["## \(section.title)", ""]
            for note in section.notes { out += ["*\(cell(note))*", ""] }
            for table in section.tables { out += render(table) }
            for figure in section.figures {
                out += ["![\(cell(figure.title))](\(figure.id).svg)", "", "*\(cell(figure.caption))*", ""]
            }
        }
        return out.joined(separator: "\n")
    }

    static func render(_ table: ReportTable) -> [String] {
        var out = ["**\(cell(table.title))** — \(cell(table.caption))", "",
                   "| " + table.header.map(cell).joined(separator: " | ") + " |",
                   "|" + String(repeating: "---|", count: table.header.count)]
        out += table.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        return out + [""]
    }

    /// Text safe inside a table cell or emphasis: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "*", with: "\\*")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
