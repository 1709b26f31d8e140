import Foundation
import Processes

/// Hands a written batch script to its batch system (`sbatch --parsable` / `qsub`) and returns the job id.
public enum BatchSubmitter {
    /// Submits `script` to `scheduler`; the tool's own error text when it refuses.
    public static func submit(script: String, scheduler: BatchRequest.Scheduler) throws -> String {
        let (tool, arguments) = scheduler.submission(of: script)
        let result: Captured
        do {
            result = try ChildProcess.run(Command(tool, arguments), timeout: .seconds(300))
        } catch {
            throw BatchError("could not start \(tool): \(error)")
        }
        guard result.termination == .exited(0) else {
            throw BatchError("\(tool) failed (\(result.timedOut ? "no answer within 300 s" : result.termination.description)): "
                + result.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let id = scheduler.jobID(in: result.standardOutput) else { throw BatchError("\(tool) printed no job id") }
        return id
    }

    /// The path of the running interscreen binary (what a batch script, or `plan`'s timing, runs).
    public static var currentExecutable: String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            // No /proc (not Linux): the path this process was started by.
            return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        }
    }
}
