/// Why a structure could not be read or would not be safe to compute, with where it happened.
///
/// `description` always names the file, and the line or atom when known, so a user can fix
/// the input without guessing.
public struct StructureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Category of the problem (stable names, used as failure classes in the store).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case emptyFile = "empty_file"
        case truncatedFile = "truncated_file"
        case syntax = "syntax"
        case unknownElement = "unknown_element"
        case unsupportedElement = "unsupported_element"
        case nonFiniteCoordinate = "non_finite_coordinate"
        case atomsTooClose = "atoms_too_close"
        case electronCount = "electron_count"
        case unsupportedFormat = "unsupported_format"
        case unreadable = "unreadable"
        /// The file could not be written.
        case unwritable = "unwritable"
    }

    public var kind: Kind
    /// File path (or a name such as "<stdin>").
    public var file: String
    /// 1-based line number, when the problem sits on a line.
    public var line: Int?
    /// 1-based atom index, when the problem concerns an atom.
    public var atom: Int?
    /// What is wrong, in plain words.
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, atom: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.atom = atom
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let atom { location += " (atom \(atom))" }
        return "\(location): \(message)"
    }
}
