/// A measured-observations file that cannot be read, with the file and 1-based line at fault.
///
/// A file with several problems throws one error carrying all of them (`all`, in line order; the
/// first is this error's own file, line and message), so one run lists every mistake.
public struct MeasuredCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    /// Every problem found, in line order (empty or just this one when there is one).
    public var all: [MeasuredCSVError] = []

    public init(file: String, line: Int, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// One error standing for `problems` (not empty): the first, carrying all of them.
    public init(problems: [MeasuredCSVError]) {
        self = problems[0]
        all = problems.count > 1 ? problems : []
    }

    /// The problems this error stands for.
    public var problems: [MeasuredCSVError] { all.isEmpty ? [self] : all }

    /// "t.csv:3: …", one line per problem.
    public var description: String {
        problems.map { "\($0.file):\($0.line): \($0.message)" }.joined(separator: "\n")
    }
}
