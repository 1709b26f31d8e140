import Structures

/// A structure the spec names whose file exists but cannot be computed (does not parse, or fails
/// validation: unsupported element, NaN, overlapping atoms, electron count …).
///
/// Not a spec error: the campaign records it as a failed task and runs the others.
public struct InvalidStructure: Sendable {
    /// Its name in the spec.
    public var name: String
    /// The file (absolute path).
    public var file: String
    /// 1-based line of its `[[structures]]` table in the spec.
    public var line: Int
    /// The method it would have been computed with (defaults with its overrides).
    public var method: MethodChoice
    /// Why it cannot be computed.
    public var error: StructureError

    public init(name: String, file: String, line: Int, method: MethodChoice, error: StructureError) {
        self.name = name
        self.file = file
        self.line = line
        self.method = method
        self.error = error
    }
}
