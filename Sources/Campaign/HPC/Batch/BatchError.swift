/// A batch request that cannot be turned into a script, or a script the batch system did not take.
public struct BatchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
