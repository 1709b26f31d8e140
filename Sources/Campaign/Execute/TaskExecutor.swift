import Engine
import Foundation
import Store
import Work

/// Runs one task on this rank's calculator through `ComputeStep` and never throws: the MPI
/// worker's (and the engine helper's) whole job.
public struct TaskExecutor {
    let step: ComputeStep
    let host: String

    public init(calculator: any Calculator, host: String) {
        self.step = ComputeStep(calculator: calculator)
        self.host = host
    }

    /// Decodes an order, runs it, encodes the report.
    public func execute(_ payload: [UInt8]) -> [UInt8] {
        do {
            return execute(try TaskOrder.decode(payload)).encoded()
        } catch {
            return TaskReport.failure(id: -1, settings: Settings(), .internal, "undecodable task: \(error)",
                                      attempts: 0, host: host, startedAt: Date()).encoded()
        }
    }

    public func execute(_ order: TaskOrder) -> TaskReport {
        let started = Date()
        let report = step.run(order.work)
        return TaskReport(id: order.id, report: report, wallSeconds: Date().timeIntervalSince(started), host: host,
                          startedAt: started)
    }
}
