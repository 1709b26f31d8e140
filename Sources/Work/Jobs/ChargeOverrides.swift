import Structures

/// Charge / spin given on the command line, which win over the file's values.
public struct ChargeOverrides: Sendable {
    public var charge: Int?
    public var uhf: Int?

    public init(charge: Int?, uhf: Int?) {
        self.charge = charge
        self.uhf = uhf
    }

    public func apply(to structure: inout Structure) {
        if let charge { structure.charge = charge }
        if let uhf { structure.multiplicity = uhf + 1 }
    }
}
