import Engine
import Foundation
import Store
import Work

/// What a worker sends back for one task (JSON over MPI and over the engine helper's pipe): the
/// compute step's report, and where, when and for how long it computed.
public struct TaskReport: Sendable {
    public var id: Int
    /// The result with the settings actually used, or a classified failure.
    public var report: WorkReport
    public var wallSeconds: Double
    public var host: String
    public var startedAt: Date

    public var succeeded: Bool { report.succeeded }

    public init(id: Int, report: WorkReport, wallSeconds: Double, host: String, startedAt: Date) {
        self.id = id
        self.report = report
        self.wallSeconds = wallSeconds
        self.host = host
        self.startedAt = startedAt
    }

    /// A failure no compute step reported (an undecodable order, a helper that would not start or
    /// died), after `attempts` attempts with `settings`, since `startedAt`.
    public static func failure(id: Int, settings: Settings, _ failureClass: FailureClass, _ message: String,
                               attempts: Int, host: String, startedAt: Date) -> TaskReport {
        TaskReport(id: id, report: WorkReport(settingsUsed: settings, failureClass: failureClass, message: message,
                                              attempts: attempts),
                   wallSeconds: max(0, Date().timeIntervalSince(startedAt)), host: host, startedAt: startedAt)
    }

    /// The report as sent. One that cannot be encoded (JSON has no NaN: a non-finite energy or
    /// gradient) is sent as this task's `internal` failure saying why, so rank 0 records the reason.
    public func encoded() -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(self))
        } catch {
            let failed = TaskReport.failure(id: id, settings: report.settingsUsed, .internal,
                                            "the report could not be encoded: \(error)", attempts: report.attempts,
                                            host: host, startedAt: startedAt)
            // Nothing non-finite is left (validated settings, a finite duration and date); should this
            // still fail, rank 0 gets no report and fails the task as undecodable, by its MPI id.
            return Array((try? JSONEncoder().encode(failed)) ?? Data())
        }
    }

    public static func decode(_ bytes: [UInt8]) throws -> TaskReport {
        try JSONDecoder().decode(TaskReport.self, from: Data(bytes))
    }
}
