import Engine
import Foundation
import Models
import Store
import Structures

/// Runs one task on this rank's calculator and never throws: failures become classified reports.
public struct TaskExecutor {
    let calculator: Calculator
    let optimizer: GeometryOptimizing?
    let host: String

    public init(calculator: Calculator, optimizer: GeometryOptimizing?, host: String) {
        self.calculator = calculator
        self.optimizer = optimizer
        self.host = host
    }

    /// Decodes an order, runs it, encodes the report (the MPI worker's whole job).
    public func execute(_ payload: [UInt8]) -> [UInt8] {
        do {
            return execute(try TaskOrder.decode(payload)).encoded()
        } catch {
            return TaskReport(id: -1, settingsUsed: Settings(), failureClass: "internal",
                              message: "undecodable task: \(error)", attempts: 0, flags: [], wallSeconds: 0,
                              host: host, startedAt: Date()).encoded()
        }
    }

    public func execute(_ order: TaskOrder) -> TaskReport {
        let started = Date()
        var report = TaskReport(id: order.id, settingsUsed: order.settings, attempts: 0, flags: [], wallSeconds: 0,
                                host: host, startedAt: started)
        let attempts = [(order.settings, nil as TaskFlag?)] + SCCRetryPolicy.retries(after: order.settings)
        for (settings, flag) in attempts {
            report.attempts += 1
            report.settingsUsed = settings
            if let flag { report.flags.append(flag) }
            do {
                try run(order, settings: settings, into: &report)
                report.failureClass = nil
                report.message = nil
                break
            } catch let error as EngineError where error.kind == .sccNotConverged {
                report.failureClass = error.kind.rawValue
                report.message = "\(order.key): \(error.message) (after \(report.attempts) attempt(s))"
            } catch {
                let (failureClass, message) = Self.describe(error)
                report.failureClass = failureClass
                report.message = "\(order.key): \(message)"
                break
            }
        }
        report.wallSeconds = Date().timeIntervalSince(started)
        return report
    }

    private func run(_ order: TaskOrder, settings: Settings, into report: inout TaskReport) throws {
        let calculator = try self.calculator.backend(order.engine, for: order.structure, settings: settings)
        try calculator.validate(order.structure, settings: settings)
        switch order.kind {
        case .singlePoint:
            report.result = try calculator.singlePoint(order.structure, settings: settings)
        case .optimization:
            guard let optimizer else { throw EngineError(.unsupported, "no optimiser available") }
            let outcome = try optimizer.optimize(order.structure, settings: settings,
                                                 level: order.optimizationLevel ?? .default, freeze: order.freeze,
                                                 calculator: calculator)
            report.optimization = outcome
            report.result = outcome.result
            if !outcome.converged { report.flags.append(.optimizationNotConverged) }
            report.flags += Self.topologyFlags(start: order.structure, end: outcome.finalStructure)
        }
    }

    /// The topology guard after an optimisation: "topology_broken: …" (a proton migrated, a ligand
    /// left; reactions using it are excluded) or "metal_bonds_changed: …" (flagged only).
    static func topologyFlags(start: Structure, end: Structure) -> [TaskFlag] {
        guard let report = try? TopologyGuard().compare(start: start, end: end) else { return [] }
        switch report.verdict {
        case .intact: return []
        case .broken: return [.topologyBroken(report.message)]
        default: return [.metalBondsChanged(report.message)]
        }
    }

    /// Failure class and message of any error.
    public static func describe(_ error: Error) -> (String, String) {
        switch error {
        case let e as StructureError: (e.kind.rawValue, e.description)
        case let e as EngineError: (e.kind.rawValue, e.message)
        default: ("internal", String(describing: error))
        }
    }
}
