/// Numbers in structure files, with the errors the parsers promise.
enum NumberParsing {
    /// A finite coordinate; letters → `.syntax`, NaN/inf → `.nonFiniteCoordinate`.
    static func coordinate(_ token: Substring, what: String, file: String, line: Int,
                           atom: Int? = nil) throws -> Double {
        guard let value = double(token) else {
            throw StructureError(.syntax, file: file, line: line, atom: atom,
                                 "\(what): '\(token)' is not a number")
        }
        guard value.isFinite else {
            throw StructureError(.nonFiniteCoordinate, file: file, line: line, atom: atom,
                                 "\(what) is '\(token)', not a finite number")
        }
        return value
    }

    /// A decimal or Fortran-style ("1.0D-3") real, or nil.
    static func double(_ token: some StringProtocol) -> Double? {
        if let value = Double(String(token)) { return value }
        let fortran = token.replacingCharacters("dD", with: "e")
        return fortran == String(token) ? nil : Double(fortran)
    }

    /// An integer, or a `.syntax` error naming `what`.
    static func integer(_ token: some StringProtocol, what: String, file: String, line: Int) throws -> Int {
        guard let value = Int(token.trimmingWhitespace()) else {
            throw StructureError(.syntax, file: file, line: line, "\(what): '\(token)' is not an integer")
        }
        return value
    }
}

extension StringProtocol {
    /// The text with every character of `set` replaced by `replacement`.
    func replacingCharacters(_ set: String, with replacement: Character) -> String {
        String(map { set.contains($0) ? replacement : $0 })
    }
}
