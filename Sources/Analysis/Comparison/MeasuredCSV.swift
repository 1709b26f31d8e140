import Foundation

/// Reads the measured-observations CSV format of jobs/measured/README.md from its text.
///
/// The header names the columns (any order, all required, no others); every row must be complete.
public enum MeasuredCSV {
    /// The columns of the format.
    public static let columns = ["pairing", "perovskite", "glass", "composition", "sintering_temperature_C",
                                 "quantity", "value", "unit", "kind", "source"]

    /// The observations in `text`; `file` names the source in errors and in each row's location.
    public static func parse(_ text: String, file: String) throws -> [MeasuredObservation] {
        let records = try CSVRecords.parse(text, file: file)
        guard let header = records.first else { throw MeasuredCSVError(file: file, line: 1, "empty file: no header") }
        let index = try columnIndex(header, file: file)
        return try records.dropFirst().map { record in
            guard record.fields.count == header.fields.count else {
                throw MeasuredCSVError(file: file, line: record.line,
                                       "\(record.fields.count) fields, the header has \(header.fields.count)")
            }
            let row = MeasuredCSVRow(fields: record.fields, index: index, file: file, line: record.line)
            return try row.observation()
        }
    }

    /// Column name → field position; an unknown, repeated or missing column is an error.
    static func columnIndex(_ header: CSVRecords.Record, file: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard columns.contains(name) else {
                throw MeasuredCSVError(file: file, line: header.line,
                                       "unknown column \"\(name)\" (columns: \(columns.joined(separator: ", ")))")
            }
            guard index[name] == nil else { throw MeasuredCSVError(file: file, line: header.line, "column \"\(name)\" twice") }
            index[name] = position
        }
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw MeasuredCSVError(file: file, line: header.line, "missing column(s): \(missing.joined(separator: ", "))")
        }
        return index
    }
}
