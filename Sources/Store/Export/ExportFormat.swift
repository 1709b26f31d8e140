/// The export formats, by their file extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, extxyz

    /// The snapshot in this format.
    public func render(_ snapshot: ResultsSnapshot) throws -> String {
        switch self {
        case .csv: CSVExport.render(snapshot)
        case .json: try JSONExport.render(snapshot)
        case .extxyz: try ExtendedXYZExport.render(snapshot)
        }
    }
}
