/// Everything wrong with a job spec, each problem as `FILE:LINE: message`, found in one pass.
public struct JobSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem at one place in the spec.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The spec file, as the caller named it.
        public var file: String
        /// 1-based line in the spec (0 when the problem concerns the whole file, e.g. unreadable).
        public var line: Int
        /// What is wrong, in plain words.
        public var message: String

        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }

        public var description: String {
            line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        }
    }

    /// The problems, ordered by line.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
