import Foundation

/// One data row of a measured CSV, field by field, with errors naming the file, line and column.
struct MeasuredCSVRow {
    let fields: [String]
    let index: [String: Int]
    let file: String
    let line: Int

    func observation() throws -> MeasuredObservation {
        let value = try measuredValue()
        let unit = try required("unit")
        switch (value, unit) {
        case (.qualitative(let word), let unit) where unit != "qualitative":
            throw error("value \"\(word)\" is a word: its unit must be \"qualitative\", not \"\(unit)\"")
        case (.number, "qualitative"):
            throw error("a numeric value needs a real unit, not \"qualitative\"")
        default: break
        }
        return MeasuredObservation(
            pairing: try required("pairing"), perovskite: text("perovskite"), glass: text("glass"),
            composition: try composition(), sinteringTemperatureC: try number("sintering_temperature_C"),
            quantity: try required("quantity"), value: value, unit: unit, kind: try kind(),
            source: try required("source"), file: file, line: line)
    }

    func text(_ column: String) -> String {
        fields[index[column]!].trimmingCharacters(in: .whitespaces)
    }

    func error(_ message: String) -> MeasuredCSVError { MeasuredCSVError(file: file, line: line, message) }

    func required(_ column: String) throws -> String {
        let value = text(column)
        guard !value.isEmpty else { throw error("column \(column) is empty") }
        return value
    }

    func number(_ column: String) throws -> Double? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        guard let x = Double(value), x.isFinite else { throw error("column \(column): \"\(value)\" is not a number") }
        return x
    }

    func composition() throws -> Double? {
        guard let x = try number("composition") else { return nil }
        guard (0...1).contains(x) else { throw error("column composition: \(x) is not a mass fraction in 0…1") }
        return x
    }

    func measuredValue() throws -> MeasuredValue {
        let value = try required("value")
        if let x = Double(value) {
            guard x.isFinite else { throw error("column value: \"\(value)\" is not finite") }
            return .number(x)
        }
        let allowed = CharacterSet.lowercaseLetters.union(.decimalDigits).union(CharacterSet(charactersIn: "_-"))
        guard value.unicodeScalars.allSatisfy(allowed.contains) else {
            throw error("column value: \"\(value)\" is neither a number nor a word of a–z, 0–9, _ (e.g. near_complete)")
        }
        return .qualitative(value)
    }

    func kind() throws -> ObservationKind {
        let value = try required("kind")
        if value == "measured" { return .measured }
        if value.hasPrefix("computed-"), value.count > "computed-".count {
            return .computed(method: String(value.dropFirst("computed-".count)))
        }
        throw error("column kind: \"\(value)\" is neither \"measured\" nor \"computed-<method>\" (e.g. computed-xTB)")
    }
}
