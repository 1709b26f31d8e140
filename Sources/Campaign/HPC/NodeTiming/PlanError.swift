/// A `plan` measurement that could not be made.
public struct PlanError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
