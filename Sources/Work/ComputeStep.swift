import Engine
import Optimization
import Store
import Structures

/// Computes one `WorkOrder` and never throws: a failed SCC is retried along `SCCRetryPolicy`
/// (flagged, with the settings actually used), every other error ends the order as a classified
/// failure (`FailureClass.classify`). The one compute path of `sp`, `opt` and campaign workers.
public struct ComputeStep {
    let calculator: any Calculator

    /// `calculator` picks the backend of each order (`Calculator.backend`).
    public init(calculator: any Calculator) {
        self.calculator = calculator
    }

    /// Runs `order`; `onStep` sees every optimisation cycle of every attempt.
    public func run(_ order: WorkOrder, onStep: ((OptimizationStep) -> Void)? = nil) -> WorkReport {
        var report = WorkReport(settingsUsed: order.settings)
        let attempts = [(order.settings, nil as TaskFlag?)] + SCCRetryPolicy.retries(after: order.settings)
        for (settings, flag) in attempts {
            report.attempts += 1
            report.settingsUsed = settings
            if let flag { report.flags.append(flag) }
            do {
                try compute(order, settings: settings, onStep: onStep, into: &report)
                report.failureClass = nil
                report.message = nil
                break
            } catch let error as EngineError where error.kind == .sccNotConverged {
                report.failureClass = .engine(.sccNotConverged)
                report.message = Self.labelled(order, "\(error.message) (after \(report.attempts) attempt(s))")
            } catch {
                let (failureClass, message) = FailureClass.classify(error)
                report.failureClass = failureClass
                report.message = Self.labelled(order, message)
                break
            }
        }
        return report
    }

    private func compute(_ order: WorkOrder, settings: Settings, onStep: ((OptimizationStep) -> Void)?,
                         into report: inout WorkReport) throws {
        let calculator = try self.calculator.backend(order.engine, for: order.structure, settings: settings)
        try calculator.validate(order.structure, settings: settings)
        switch order.kind {
        case .singlePoint:
            report.result = try calculator.singlePoint(order.structure, settings: settings)
        case .optimization:
            let options = try order.optimizationOptions()
            let outcome = try Optimizer(calculator: calculator, settings: settings, options: options)
                .optimize(order.structure, onStep: onStep)
            let optimization = WorkReport.Optimization(
                outcome: outcome, identity: OptimizationIdentity(structure: order.structure, options: options),
                freezeSpec: order.freeze ?? "")
            report.optimization = optimization
            report.result = outcome.result
            if !outcome.converged { report.flags.append(.optimizationNotConverged) }
            report.flags += TopologyFlags.between(start: order.structure, end: outcome.structure)
        }
    }

    private static func labelled(_ order: WorkOrder, _ message: String) -> String {
        order.label.map { "\($0): \(message)" } ?? message
    }
}
