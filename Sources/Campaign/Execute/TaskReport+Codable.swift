import Engine
import Foundation
import Store
import Work

/// The wire form of a `TaskReport`: `{id, report: {settingsUsed, result, optimization,
/// failureClass, message, attempts, flags}, wallSeconds, host, startedAt}`. `WorkReport` (in
/// `Work`) is not itself `Codable`, so its fields are written here, nested under `report`.
extension TaskReport: Codable {
    private enum Keys: String, CodingKey {
        case id, report, wallSeconds, host, startedAt
    }

    private enum ReportKeys: String, CodingKey {
        case settingsUsed, result, optimization, failureClass, message, attempts, flags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let work = try container.nestedContainer(keyedBy: ReportKeys.self, forKey: .report)
        let report = WorkReport(
            settingsUsed: try work.decode(Settings.self, forKey: .settingsUsed),
            result: try work.decodeIfPresent(CalculationResult.self, forKey: .result),
            optimization: try work.decodeIfPresent(WorkReport.Optimization.self, forKey: .optimization),
            failureClass: try work.decodeIfPresent(FailureClass.self, forKey: .failureClass),
            message: try work.decodeIfPresent(String.self, forKey: .message),
            attempts: try work.decode(Int.self, forKey: .attempts),
            flags: try work.decode([TaskFlag].self, forKey: .flags))
        self.init(id: try container.decode(Int.self, forKey: .id), report: report,
                  wallSeconds: try container.decode(Double.self, forKey: .wallSeconds),
                  host: try container.decode(String.self, forKey: .host),
                  startedAt: try container.decode(Date.self, forKey: .startedAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        var work = container.nestedContainer(keyedBy: ReportKeys.self, forKey: .report)
        try work.encode(report.settingsUsed, forKey: .settingsUsed)
        try work.encodeIfPresent(report.result, forKey: .result)
        try work.encodeIfPresent(report.optimization, forKey: .optimization)
        try work.encodeIfPresent(report.failureClass, forKey: .failureClass)
        try work.encodeIfPresent(report.message, forKey: .message)
        try work.encode(report.attempts, forKey: .attempts)
        try work.encode(report.flags, forKey: .flags)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encode(host, forKey: .host)
        try container.encode(startedAt, forKey: .startedAt)
    }
}
