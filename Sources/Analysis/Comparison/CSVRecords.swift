/// RFC 4180 records of a CSV text: fields split on commas, `"…"` quoting with `""` for a quote,
/// quoted fields may hold commas and line breaks; LF or CRLF line ends; blank lines skipped.
public struct CSVRecords: Sendable {
    /// One record with the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Splits `text`; `file` names the source in errors.
    public static func parse(_ text: String, file: String) throws -> [Record] {
        var parser = Parser(file: file)
        for character in text { try parser.consume(character) }
        return try parser.finish()
    }

    private struct Parser {
        let file: String
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var afterClosingQuote = false
        var fieldWasQuoted = false

        init(file: String) { self.file = file }

        mutating func consume(_ c: Character) throws {
            if inQuotes { return quoted(c) }
            switch c {
            case "\"" where afterClosingQuote:
                field.append("\"")
                inQuotes = true
                afterClosingQuote = false
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw MeasuredCSVError(file: file, line: line, "a quote inside an unquoted field "
                                           + "(quote the whole field and double inner quotes)")
                }
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            case ",":
                endField()
            case "\n", "\r\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !afterClosingQuote else {
                    throw MeasuredCSVError(file: file, line: line, "text after a closing quote")
                }
                field.append(c)
            }
        }

        mutating func quoted(_ c: Character) {
            if c == "\"" {
                inQuotes = false
                afterClosingQuote = true
                return
            }
            if c == "\n" || c == "\r\n" { line += 1 }
            field.append(c)
        }

        mutating func endField() {
            fields.append(field)
            field = ""
            afterClosingQuote = false
            fieldWasQuoted = false
        }

        mutating func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        mutating func finish() throws -> [Record] {
            guard !inQuotes else {
                throw MeasuredCSVError(file: file, line: quoteLine, "a quoted field is never closed")
            }
            if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
            return records
        }
    }
}
