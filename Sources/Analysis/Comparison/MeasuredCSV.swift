import Foundation

/// Reads the measured-observations CSV format of jobs/measured/README.md from its text.
///
/// The header names the columns (any order, all required, no others); every row must be complete.
public enum MeasuredCSV {
    /// The columns of the format.
    public static let columns = ["pairing", "perovskite", "glass", "composition", "sintering_temperature_C",
                                 "quantity", "value", "unit", "kind", "source"]

    /// The observations in `text`; `file` names the source in errors and in each row's location.
    /// Every bad row and field is reported, each with its line, in one error.
    public static func parse(_ text: String, file: String) throws -> [MeasuredObservation] {
        let records = try CSVRecords.parse(text, file: file)
        guard let header = records.first else { throw MeasuredCSVError(file: file, line: 1, "empty file: no header") }
        let index = try columnIndex(header, file: file)
        var observations: [MeasuredObservation] = []
        var problems: [MeasuredCSVError] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(MeasuredCSVError(file: file, line: record.line,
                                                 "\(record.fields.count) fields, the header has \(header.fields.count)"))
                continue
            }
            let row = MeasuredCSVRow(fields: record.fields, index: index, file: file, line: record.line)
            switch row.observation() {
            case .success(let observation): observations.append(observation)
            case .failure(let rowProblems): problems += rowProblems.problems
            }
        }
        guard problems.isEmpty else { throw MeasuredCSVError(problems: problems) }
        return observations
    }

    /// Column name → field position; an unknown, repeated or missing column is an error.
    static func columnIndex(_ header: CSVRecords.Record, file: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        var problems: [MeasuredCSVError] = []
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if !columns.contains(name) {
                problems.append(MeasuredCSVError(file: file, line: header.line,
                                                 "unknown column \"\(name)\" (columns: \(columns.joined(separator: ", ")))"))
            } else if index[name] != nil {
                problems.append(MeasuredCSVError(file: file, line: header.line, "column \"\(name)\" twice"))
            } else {
                index[name] = position
            }
        }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            problems.insert(MeasuredCSVError(file: file, line: header.line,
                                             "missing column(s): \(missing.joined(separator: ", "))"), at: 0)
        }
        guard problems.isEmpty else { throw MeasuredCSVError(problems: problems) }
        return index
    }
}
