import Analysis
import Foundation

/// Reads a measured-observations CSV from disk (the format of jobs/measured/README.md).
public enum MeasuredFile {
    /// The observations in the file at `path`; errors name the file (as given) and line.
    public static func read(_ path: String) throws -> [MeasuredObservation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MeasuredCSVError(file: path, line: 0, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MeasuredCSVError(file: path, line: 0, "not UTF-8 text")
        }
        return try MeasuredCSV.parse(text, file: path)
    }
}
