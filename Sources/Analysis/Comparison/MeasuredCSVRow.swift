import Foundation

/// One data row of a measured CSV, field by field, with errors naming the file, line and column.
/// Every field is checked, so a row with several mistakes reports them all.
struct MeasuredCSVRow {
    let fields: [String]
    let index: [String: Int]
    let file: String
    let line: Int

    /// The observation, or every problem of the row in one error.
    func observation() -> Result<MeasuredObservation, MeasuredCSVError> {
        var problems: [MeasuredCSVError] = []
        func check<T>(_ read: () throws -> T) -> T? {
            do { return try read() } catch let e as MeasuredCSVError { problems.append(e) } catch {
                problems.append(self.error("\(error)"))
            }
            return nil
        }
        let pairing = check { try required("pairing") }
        let composition = check { try self.composition() }
        let temperature = check { try number("sintering_temperature_C") }
        let quantity = check { try required("quantity") }
        let unit = check { try self.unit() }
        let value = check { try measuredValue(unit: unit) }
        let kind = check { try self.kind() }
        let source = check { try required("source") }
        if let value, let unit { _ = check { try consistent(value, unit) } }
        if let quantity, let value, let unit { _ = check { try size(quantity, value, unit) } }
        guard problems.isEmpty, let pairing, let composition, let temperature, let quantity, let unit, let value,
              let kind, let source else { return .failure(MeasuredCSVError(problems: problems)) }
        return .success(MeasuredObservation(
            pairing: pairing, perovskite: text("perovskite"), glass: text("glass"), composition: composition,
            sinteringTemperatureC: temperature, quantity: quantity, value: value, unit: unit, kind: kind,
            source: source, file: file, line: line))
    }

    /// Words must say "qualitative", numbers a real unit.
    func consistent(_ value: MeasuredValue, _ unit: String) throws {
        switch (value, unit) {
        case (.qualitative(let word), let unit) where unit != "qualitative":
            throw error("value \"\(word)\" is a word: its unit must be \"qualitative\", not \"\(unit)\"")
        case (.number, "qualitative"), (.range, "qualitative"):
            throw error("a numeric value needs a real unit, not \"qualitative\"")
        default: break
        }
    }

    /// A size quantity (MeasuredSize) is a positive length in nm, a number or a range.
    func size(_ quantity: String, _ value: MeasuredValue, _ unit: String) throws {
        guard MeasuredSize.isSize(quantity) else { return }
        guard unit == MeasuredSize.unit else {
            throw error("\(quantity) is a length: its unit must be \"\(MeasuredSize.unit)\", not \"\(unit)\"")
        }
        guard let bounds = value.bounds, bounds.low > 0 else {
            throw error("\(quantity) must be a positive number or range of nm (e.g. 4..15), not \"\(value)\"")
        }
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

    /// The unit as written; "qualitative" in any capitalisation reads as "qualitative".
    func unit() throws -> String {
        let unit = try required("unit")
        return unit.lowercased() == "qualitative" ? "qualitative" : unit
    }

    /// A number, or a word (lowercased; yes/no in their usual spellings, 1/0 too when the unit is qualitative).
    func measuredValue(unit: String?) throws -> MeasuredValue {
        let value = try required("value")
        if unit == "qualitative", let yesNo = BooleanSpelling.word(value) { return .qualitative(yesNo) }
        if let x = Double(value) {
            guard x.isFinite else { throw error("column value: \"\(value)\" is not finite") }
            return .number(x)
        }
        if let range = try self.range(value) { return range }
        if let yesNo = BooleanSpelling.word(value) { return .qualitative(yesNo) }
        let word = value.lowercased()
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard word.unicodeScalars.allSatisfy(allowed.contains) else {
            throw error("column value: \"\(value)\" is neither a number nor a word of a–z, 0–9, _, - (e.g. near_complete)")
        }
        return .qualitative(word)
    }

    /// `low..high`: two finite numbers, low ≤ high; nil when `value` has no `..`.
    func range(_ value: String) throws -> MeasuredValue? {
        guard let dots = value.range(of: "..") else { return nil }
        let low = value[..<dots.lowerBound].trimmingCharacters(in: .whitespaces)
        let high = value[dots.upperBound...].trimmingCharacters(in: .whitespaces)
        guard let a = Double(low), let b = Double(high), a.isFinite, b.isFinite else {
            throw error("column value: \"\(value)\" is not a range of two numbers such as 4..15")
        }
        guard a <= b else { throw error("column value: range \"\(value)\" runs backwards (write low..high)") }
        return .range(low: a, high: b)
    }

    func kind() throws -> ObservationKind {
        let value = try required("kind")
        if value.lowercased() == "measured" { return .measured }
        if value.lowercased().hasPrefix("computed-"), value.count > "computed-".count {
            return .computed(method: String(value.dropFirst("computed-".count)))
        }
        throw error("column kind: \"\(value)\" is neither \"measured\" nor \"computed-<method>\" (e.g. computed-xTB)")
    }
}

/// The usual spellings of yes and no in a data file.
enum BooleanSpelling {
    static let yes: Set<String> = ["yes", "y", "true", "t", "1"]
    static let no: Set<String> = ["no", "n", "false", "f", "0"]

    /// "yes" or "no" for a spelling of either (any capitalisation), else nil.
    static func word(_ text: String) -> String? {
        let t = text.lowercased()
        return yes.contains(t) ? "yes" : no.contains(t) ? "no" : nil
    }
}
