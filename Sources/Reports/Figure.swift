/// One figure of a report: the SVG, a caption naming the rows it shows, and its file stem.
public struct Figure: Sendable {
    /// File stem of the .svg written beside the Markdown report, e.g. "reaction-energies-3".
    public var id: String
    public var title: String
    public var svg: String
    public var caption: String
}

/// A table of a report, with a caption naming its rows.
public struct ReportTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    public var caption: String
}

/// A part of a report: tables, figures, and notes (e.g. why a figure was left out).
public struct ReportSection: Sendable {
    public var title: String
    public var tables: [ReportTable] = []
    public var figures: [Figure] = []
    public var notes: [String] = []
}
