import Engine
import Structures

/// Why a file, calculation or task failed: the stable text stored in every `failure_class` column.
///
/// A structure or engine failure is its error's own kind (`StructureError.Kind`,
/// `EngineError.Kind`), so the texts are written once, where the errors are defined; the campaign
/// fates are listed here. `classify` is the one place an error becomes a class and a message, for
/// `sp`, `opt`, `bulk` and campaign workers alike.
public enum FailureClass: Sendable, Hashable, CaseIterable, RawRepresentable, Codable {
    /// A structure file that cannot be used.
    case structure(StructureError.Kind)
    /// The engine refused or failed.
    case engine(EngineError.Kind)
    /// Its engine process died while computing it.
    case crashed
    /// It crashed its engine process too often to be run again automatically.
    case quarantined
    /// A task it depends on did not succeed.
    case blocked
    /// Anything else (a bug, a storage error, an undecodable order).
    case `internal`

    /// Every class the store can hold.
    public static var allCases: [FailureClass] {
        StructureError.Kind.allCases.map(Self.structure) + EngineError.Kind.allCases.map(Self.engine)
            + [.crashed, .quarantined, .blocked, .internal]
    }

    /// The stored text.
    public var rawValue: String {
        switch self {
        case .structure(let kind): kind.rawValue
        case .engine(let kind): kind.rawValue
        case .crashed: "crashed"
        case .quarantined: "quarantined"
        case .blocked: "blocked"
        case .internal: "internal"
        }
    }

    /// The class a stored text names, nil for a text no class has.
    public init?(rawValue: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = match
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = FailureClass(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown failure class '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The class and the message (for people) of any error.
    public static func classify(_ error: any Error) -> (failureClass: FailureClass, message: String) {
        switch error {
        case let e as ClassifiedFailure: (e.failureClass, e.message)
        case let e as StructureError: (.structure(e.kind), e.description)
        case let e as EngineError: (.engine(e.kind), e.message)
        default: (.internal, String(describing: error))
        }
    }
}

/// An error already classified (e.g. a compute step's failed report), thrown on unchanged.
public struct ClassifiedFailure: Error, Sendable, CustomStringConvertible {
    public var failureClass: FailureClass
    public var message: String

    public init(_ failureClass: FailureClass, _ message: String) {
        self.failureClass = failureClass
        self.message = message
    }

    public var description: String { message }
}
