/// A deadline that cannot be read.
public struct DeadlineError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
