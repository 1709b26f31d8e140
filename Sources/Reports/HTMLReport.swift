/// The report as one self-contained XHTML-compatible page: inline SVG, embedded style, no scripts.
public enum HTMLReport {
    public static func render(_ content: ReportContent) -> String {
        var out = ["<!DOCTYPE html>", "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">", "<head>",
                   "<meta charset=\"utf-8\"/>", "<title>\(XMLText.escape(content.title))</title>",
                   "<style>\(css)</style>", "</head>", "<body>", "<h1>\(XMLText.escape(content.title))</h1>"]
        for section in content.sections { out += render(section) }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ section: ReportSection) -> [String] {
        var out = ["<section>", "<h2>\(XMLText.escape(section.title))</h2>"]
        out += section.notes.map { "<p class=\"note\">\(XMLText.escape($0))</p>" }
        out += section.tables.flatMap(render)
        for figure in section.figures {
            out += ["<figure id=\"\(XMLText.escape(figure.id))\">", figure.svg,
                    "<figcaption>\(XMLText.escape(figure.caption))</figcaption>", "</figure>"]
        }
        out.append("</section>")
        return out
    }

    static func render(_ table: ReportTable) -> [String] {
        let caption = "<strong>\(XMLText.escape(table.title))</strong> — \(XMLText.escape(table.caption))"
        var out = ["<table>", "<caption>\(caption)</caption>",
                   "<thead><tr>" + table.header.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        out += table.rows.map { "<tr>" + $0.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>" }
        out += ["</tbody>", "</table>"]
        return out
    }

    static let css = """
        body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; line-height: 1.4; }
        h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 1em 0; }
        caption { caption-side: top; text-align: left; padding-bottom: 0.4em; color: #444; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        figure { margin: 1.5em 0; }
        figcaption { color: #444; max-width: 680px; font-size: 0.92em; }
        .note { color: #555; font-style: italic; }
        """
}
