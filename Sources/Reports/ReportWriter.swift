import Foundation

/// Writes a report into a folder: index.html (self-contained), report.md and one .svg per figure.
public struct ReportWriter {
    public let data: ReportData

    public init(data: ReportData) {
        self.data = data
    }

    /// Creates `folder` if needed and returns the paths written.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let content = ReportContent(data)
        var files: [(String, String)] = [("index.html", HTMLReport.render(content)),
                                         ("report.md", MarkdownReport.render(content))]
        files += content.figures.map { ("\($0.id).svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + $0.svg + "\n") }
        return try files.map { name, text in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}
