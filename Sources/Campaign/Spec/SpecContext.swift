import Foundation

/// What every reader of one spec shares: where the spec is, how to find lines in it, and the
/// problems found so far (all are collected, then thrown together).
final class SpecContext {
    /// The spec file as the caller named it (used in messages).
    let file: String
    /// Folder that relative paths in the spec are resolved against (absolute).
    let baseDirectory: String
    let locator: SpecLocator
    private(set) var problems: [JobSpecError.Problem] = []

    init(file: String, text: String) {
        self.file = file
        self.baseDirectory = (Self.absolute(file) as NSString).deletingLastPathComponent
        self.locator = SpecLocator(text: text)
    }

    /// Records a problem at `line`.
    func report(_ line: Int, _ message: String) {
        problems.append(JobSpecError.Problem(file: file, line: line, message: message))
    }

    /// The collected problems ordered by line (stable), nil when there are none.
    var error: JobSpecError? {
        guard !problems.isEmpty else { return nil }
        let ordered = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return JobSpecError(problems: ordered.map(\.element))
    }

    /// `path` resolved against the spec's folder (unchanged when absolute), standardised.
    func resolve(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// `path` made absolute against the working directory, standardised.
    static func absolute(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let joined = path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}
