extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line ends).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Whitespace-separated fields.
    func fields() -> [Substring] {
        String(self).split(whereSeparator: { $0.isWhitespace })
    }

    /// True when the text holds only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

/// Lines of a text file, split on "\n", "\r\n" or "\r" (Swift's "\r\n" is one Character).
func splitLines(_ text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
}

/// The shortest decimal text that reads back as exactly `x` ("0.5", "-3.25", "1e-05").
func shortest(_ x: Double) -> String { x == 0 ? "0.0" : "\(x)" }
