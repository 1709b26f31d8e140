import ArgumentParser
import Foundation

/// The `interscreen` command: screens perovskite / hybrid-glass interfaces with GFN-xTB.
@main
struct Interscreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interscreen",
        abstract: "Screen perovskite / hybrid-glass interfaces with GFN-xTB on HPC clusters.",
        version: InterscreenVersion.current,
        subcommands: [
            SinglePointCommand.self,
            OptimizeCommand.self,
            BulkCommand.self,
            SurfaceCommand.self,
            BuildCommand.self,
            RunCommand.self,
            VerdictCommand.self,
            StatusCommand.self,
            ExportCommand.self,
            MPIInfoCommand.self,
            SimulateCommand.self,
            SubmitCommand.self,
            EstimateCommand.self,
            MergeCommand.self,
            ReactionsCommand.self,
            PlanCommand.self,
            BenchStoreCommand.self,
            EngineHelperCommand.self,
            BenchIsolationCommand.self,
            CompareCommand.self,
            ReportCommand.self,
        ]
    )

    /// ArgumentParser's `main`, with one difference: a `CommandFailure` (a data error, a bad
    /// database) is one line on stderr and its own exit status, not the usage text and 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let failure = CommandFailure(error) else { exit(withError: error) }
            printError("error: \(failure.message)")
            Foundation.exit(failure.status)
        }
    }
}

/// The tool's own version, recorded with every result.
enum InterscreenVersion {
    static let current = "0.1.0"
}
