import Engine
import Structures

/// Why a file, calculation or task failed: the stable text stored in every `failure_class` column.
///
/// The raw values are the texts the store has always held; `classify` is the one place an error
/// becomes a class and a message, for `sp`, `opt`, `bulk` and campaign workers alike.
public enum FailureClass: String, Sendable, Codable, CaseIterable {
    // A structure file that cannot be used (`StructureError.Kind`).
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
    case unwritable = "unwritable"
    // The engine refused or failed (`EngineError.Kind`).
    case unsupported = "unsupported"
    case sccNotConverged = "scc_not_converged"
    case backendError = "backend_error"
    // A campaign task's fate.
    /// Its engine process died while computing it.
    case crashed = "crashed"
    /// It crashed its engine process too often to be run again automatically.
    case quarantined = "quarantined"
    /// A task it depends on did not succeed.
    case blocked = "blocked"
    /// Anything else (a bug, a storage error, an undecodable order).
    case `internal` = "internal"

    public init(_ kind: StructureError.Kind) {
        switch kind {
        case .emptyFile: self = .emptyFile
        case .truncatedFile: self = .truncatedFile
        case .syntax: self = .syntax
        case .unknownElement: self = .unknownElement
        case .unsupportedElement: self = .unsupportedElement
        case .nonFiniteCoordinate: self = .nonFiniteCoordinate
        case .atomsTooClose: self = .atomsTooClose
        case .electronCount: self = .electronCount
        case .unsupportedFormat: self = .unsupportedFormat
        case .unreadable: self = .unreadable
        case .unwritable: self = .unwritable
        }
    }

    public init(_ kind: EngineError.Kind) {
        switch kind {
        case .unsupported: self = .unsupported
        case .sccNotConverged: self = .sccNotConverged
        case .backend: self = .backendError
        }
    }

    /// The class and the message (for people) of any error.
    public static func classify(_ error: any Error) -> (failureClass: FailureClass, message: String) {
        switch error {
        case let e as ClassifiedFailure: (e.failureClass, e.message)
        case let e as StructureError: (FailureClass(e.kind), e.description)
        case let e as EngineError: (FailureClass(e.kind), e.message)
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
