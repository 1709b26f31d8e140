import Campaign
import Foundation
import Processes

/// Hands a written batch script to the scheduler (`sbatch --parsable` / `qsub`) and returns the job id.
enum BatchSubmitter {
    static func submit(script: String, scheduler: BatchRequest.Scheduler) throws -> String {
        let tool = scheduler == .slurm ? "sbatch" : "qsub"
        let arguments = scheduler == .slurm ? ["--parsable", script] : [script]
        let result: Captured
        do {
            result = try ChildProcess.run(Command(tool, arguments), timeout: .seconds(300))
        } catch {
            throw BatchError("could not start \(tool): \(error)")
        }
        let stdout = result.standardOutput
        guard result.termination == .exited(0) else {
            throw BatchError("\(tool) failed (\(result.timedOut ? "no answer within 300 s" : result.termination.description)): "
                + result.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // sbatch --parsable prints "id" or "id;cluster"; qsub prints "id.server".
        let id = stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty else { throw BatchError("\(tool) printed no job id") }
        return id
    }

    /// The path of the running interscreen binary (what the batch script runs).
    static var currentExecutable: String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
