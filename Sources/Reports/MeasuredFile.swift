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

    /// The observations of several files in order (each row keeps its own file and line).
    public static func read(_ paths: [String]) throws -> [MeasuredObservation] {
        try paths.flatMap { try read($0) }
    }

    /// How a set of files is named in text: "a.csv" or "a.csv, b.csv"; nil for none.
    public static func label(_ paths: [String]) -> String? {
        paths.isEmpty ? nil : paths.joined(separator: ", ")
    }
}
