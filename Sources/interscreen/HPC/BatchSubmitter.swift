import Campaign
import Foundation

/// Hands a written batch script to the scheduler (`sbatch --parsable` / `qsub`) and returns the job id.
enum BatchSubmitter {
    static func submit(script: String, scheduler: BatchRequest.Scheduler) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = scheduler == .slurm ? ["sbatch", "--parsable", script] : ["qsub", script]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw BatchError("could not start \(process.arguments?[0] ?? "the submitter"): \(error)")
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let tool = scheduler == .slurm ? "sbatch" : "qsub"
        guard process.terminationStatus == 0 else {
            throw BatchError("\(tool) failed (status \(process.terminationStatus)): "
                + stderr.trimmingCharacters(in: .whitespacesAndNewlines))
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
