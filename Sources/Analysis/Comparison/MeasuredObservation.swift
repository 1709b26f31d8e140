/// One row of a measured-observations CSV: a published quantity of a perovskite / glass pairing.
public struct MeasuredObservation: Sendable, Equatable {
    /// The pairing the row belongs to, as written (`CsPbI3/agZIF-62`, or `campaign:verdict`).
    public var pairing: String
    public var perovskite: String
    public var glass: String
    /// Perovskite mass fraction x in (perovskite)x(glass)1−x, nil when not given.
    public var composition: Double?
    public var sinteringTemperatureC: Double?
    public var quantity: String
    public var value: MeasuredValue
    public var unit: String
    public var kind: ObservationKind
    public var source: String
    /// File name and 1-based line of the row (where its record starts).
    public var file: String
    public var line: Int

    public init(pairing: String, perovskite: String, glass: String, composition: Double?,
                sinteringTemperatureC: Double?, quantity: String, value: MeasuredValue, unit: String,
                kind: ObservationKind, source: String, file: String, line: Int) {
        self.pairing = pairing
        self.perovskite = perovskite
        self.glass = glass
        self.composition = composition
        self.sinteringTemperatureC = sinteringTemperatureC
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.kind = kind
        self.source = source
        self.file = file
        self.line = line
    }

    /// "li2023.csv:4".
    public var location: String { "\(file):\(line)" }
}

/// A measured value: a number, a range `low..high` (e.g. particle sizes `4..15` nm), or a word such as `near_complete`.
public enum MeasuredValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    /// A published range, low ≤ high, in the row's unit.
    case range(low: Double, high: Double)
    case qualitative(String)

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// The bounds of a number (low = high) or a range; nil for a word.
    public var bounds: (low: Double, high: Double)? {
        switch self {
        case .number(let x): (x, x)
        case let .range(low, high): (low, high)
        case .qualitative: nil
        }
    }

    public var description: String {
        switch self {
        case .number(let x): Self.text(x)
        case let .range(low, high): "\(Self.text(low))..\(Self.text(high))"
        case .qualitative(let word): word
        }
    }

    private static func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
}

/// Whether a row was measured, or computed in the paper (shown beside our numbers, never scored).
public enum ObservationKind: Sendable, Equatable, CustomStringConvertible {
    case measured
    /// `computed-<method>`, e.g. `computed-xTB`.
    case computed(method: String)

    public var description: String {
        switch self {
        case .measured: "measured"
        case .computed(let method): "computed-\(method)"
        }
    }
}
