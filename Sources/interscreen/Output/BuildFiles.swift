import ArgumentParser
import Foundation
import Models
import Structures

/// File and argument helpers of `interscreen build`.
enum BuildFiles {
    /// The command line that made a file, for its `source` key.
    static func provenance() -> String {
        "interscreen \(InterscreenVersion.current): interscreen " + CommandLine.arguments.dropFirst().joined(separator: " ")
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StructureError(.unwritable, file: path, "cannot write the file: \(error.localizedDescription)")
        }
    }

    /// "x,y,z" as a vector.
    static func vector(_ text: String, option: String) throws -> Vec3 {
        let v = text.split { $0 == "," || $0 == " " }.compactMap { Double($0) }
        guard v.count == 3 else { throw ValidationError("\(option) needs three numbers x,y,z (got '\(text)')") }
        return Vec3(v[0], v[1], v[2])
    }

    /// Runs a builder step, turning its `ModelBuildError` into a one-line error and exit status 1.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelBuildError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}
