/// Quoting for POSIX shells: a word that survives word splitting and expansion unchanged.
enum ShellQuote {
    /// `text` as one shell word: bare when it is plainly safe, else in single quotes.
    static func word(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "/._-+=:,@%".unicodeScalars.contains($0)
        }
        if safe, !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
