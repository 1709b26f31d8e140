import TOMLKit

/// Typed, checked access to one table of the spec: a value of the wrong type or a key that does
/// not belong becomes a problem at its line, and the caller gets nil.
struct TableReader {
    let table: TOMLTable
    let ref: SpecLocator.TableRef
    /// How messages name the table, e.g. "[defaults]", "[[structures]]", "`normalize`".
    let title: String
    let context: SpecContext
    /// Line used for keys of an inline table (which has no header of its own).
    var inlineLine: Int?

    init(_ table: TOMLTable, ref: SpecLocator.TableRef, title: String, context: SpecContext, inlineLine: Int? = nil) {
        self.table = table
        self.ref = ref
        self.title = title
        self.context = context
        self.inlineLine = inlineLine
    }

    /// Line where the table starts.
    var line: Int { context.locator.header(ref) ?? inlineLine ?? context.locator.line(of: ref) }

    /// Line of `key` in this table.
    func line(_ key: String) -> Int {
        if context.locator.header(ref) == nil, let inlineLine { return inlineLine }
        return context.locator.line(of: key, in: ref)
    }

    /// Reports every key not in `allowed`: with the table it belongs in (`elsewhere`) or a
    /// spelling suggestion.
    func checkKeys(_ allowed: [String], elsewhere: [String: String] = [:]) {
        for key in table.keys where !allowed.contains(key) {
            let hint = elsewhere[key].map { " (`\(key)` belongs in \($0))" }
                ?? KeySuggestion.hint(for: key, among: allowed)
            context.report(line(key), "unknown key `\(key)` in \(title)\(hint)")
        }
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    func string(_ key: String) -> String? {
        read(key, expected: "a string") { $0.string }
    }

    func integer(_ key: String) -> Int? {
        read(key, expected: "an integer") { $0.int }
    }

    func bool(_ key: String) -> Bool? {
        read(key, expected: "true or false") { $0.bool }
    }

    /// An integer or floating-point value, as Double.
    func number(_ key: String) -> Double? {
        read(key, expected: "a number") { $0.double ?? $0.int.map(Double.init) }
    }

    /// A nested table (`[a.b]` or inline `{ … }`), as a reader of its own.
    func subtable(_ key: String, title: String) -> TableReader? {
        guard let table = read(key, expected: "a table", { $0.table }) else { return nil }
        let sub = SpecLocator.TableRef(ref.name.isEmpty ? key : ref.name + "." + key, index: ref.index)
        return TableReader(table, ref: sub, title: title, context: context, inlineLine: line(key))
    }

    /// The value at `key` converted by `convert`; a problem when present but not convertible.
    func read<T>(_ key: String, expected: String, _ convert: (TOMLValueConvertible) -> T?) -> T? {
        guard let value = table[key] else { return nil }
        if let converted = convert(value) { return converted }
        context.report(line(key), "`\(key)` must be \(expected), not \(Self.describe(value))")
        return nil
    }

    /// "a string (\"x\")", "an integer (3)", "a table" … for messages.
    static func describe(_ value: TOMLValueConvertible) -> String {
        let type = value.type
        let article = type == .int || type == .array ? "an" : "a"
        switch type {
        case .table, .array: return "\(article) \(type)"
        default: return "\(article) \(type) (\(value.debugDescription))"
        }
    }
}
