import ArgumentParser
import Foundation
import Store

/// An error that is not about the command line: printed as one line (`error: …`) without the
/// usage text, and the process exits with `status`. Every command reports data errors this way.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: Int32

    var description: String { message }

    init(message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// The input is not what the command needs (exit 65).
    static func data(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitStatus.dataError) }

    /// A file that must exist does not (exit 66).
    static func noInput(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitStatus.noInput) }

    /// An output cannot be created where asked (exit 73).
    static func cannotCreate(_ message: String) -> CommandFailure {
        CommandFailure(message: message, status: ExitStatus.cannotCreate)
    }

    /// For `validate()`: ArgumentParser wraps what `validate()` throws (its own exit status 1, with
    /// "Error:"), so a failure found there is printed here and leaves as a bare exit status.
    func reported() -> ExitCode {
        printError("error: \(message)")
        return ExitCode(status)
    }

    /// The failure `error` stands for, when it has its own exit status; nil for usage errors and
    /// anything ArgumentParser reports itself.
    init?(_ error: Error) {
        if let failure = error as? CommandFailure {
            self = failure
        } else if let store = error as? StoreOpenError ?? OpenedDatabase.diagnose(error) {
            self.init(store)
        } else {
            return nil
        }
    }

    /// A results database that cannot be used: its status says whether to fix the path (66, 73),
    /// the file (65) or the permissions (6).
    init(_ error: StoreOpenError) {
        let status: Int32
        switch error {
        case .missing: status = ExitStatus.noInput
        case .missingFolder, .folderNotWritable: status = ExitStatus.cannotCreate
        case .readOnly, .unreadable: status = ExitStatus.databaseNotWritable
        case .folder, .notSQLite, .empty, .truncated, .damaged, .foreign, .newerSchema: status = ExitStatus.dataError
        }
        self.init(message: error.description, status: status)
    }
}
