import Structures

/// The rules both optimisers (Cartesian and TRIC) apply to every cycle and at the end: when a
/// cycle meets the level's thresholds, what a rejected step does, and how the outcome is assembled.
extension Optimizer {
    /// Positions (Å) as one flat vector in Bohr, the optimisers' working coordinates.
    static func bohr(_ positions: [Vec3]) -> [Double] {
        positions.flatMap { [$0.x, $0.y, $0.z].map { $0 * Units.bohrPerAngstrom } }
    }

    /// The longest single-atom displacement (Bohr) in a flat step vector of x, y, z triples.
    static func largestAtomMove(_ step: [Double]) -> Double {
        var largest = 0.0
        for a in 0..<(step.count / 3) {
            let dx = step[3 * a], dy = step[3 * a + 1], dz = step[3 * a + 2]
            largest = max(largest, (dx * dx + dy * dy + dz * dz).squareRoot())
        }
        return largest
    }

    /// Drops the oldest BFGS history entries once there are more than 2 × `memory` + 10, keeping the
    /// last `memory` (the updates replayed onto each fresh model Hessian).
    static func trimHistory<Entry>(_ history: inout [Entry], memory: Int) {
        if history.count > 2 * memory + 10 { history.removeFirst(history.count - memory) }
    }

    /// True when an accepted step lowered the energy by less than the level's Econv and left the
    /// gradient norm below its Gconv.
    func meetsThresholds(change: Double, gradientNorm: Double) -> Bool {
        change < 0 && abs(change) < options.level.energyThreshold && gradientNorm < options.level.gradientThreshold
    }

    /// A step that raised the energy: the trust radius shrinks, the cycle's note says so, and the
    /// stall count grows while the radius is at its minimum. Returns the note and whether the
    /// optimisation has stalled.
    static func reject(step length: Double, change: Double, note: String?, trust: inout TrustRadius,
                       stalls: inout Int) -> (note: String, stalled: Bool) {
        trust.rejected(step: length)
        let text = [note, "energy rose by \(String(format: "%.3e", change)) Eh: step rejected"]
            .compactMap { $0 }.joined(separator: "; ")
        if trust.atMinimum { stalls += 1 }
        return (text, trust.atMinimum && stalls >= maxStalls)
    }

    /// A geometry whose calculation failed (even after the SCC retry): a rejected step, recorded
    /// with the error and no energy.
    static func failedCycle(_ cycle: Int, error: Error, evaluation: EvaluationLog.Evaluation, predicted: Double,
                            length: Double, positions: [Vec3], trust: inout TrustRadius) -> OptimizationStep {
        let radius = trust.radius
        trust.rejected(step: length)
        return OptimizationStep(cycle: cycle, energy: nil, gradientNorm: nil, energyChange: nil,
                                predictedChange: predicted, stepLength: length, trustRadius: radius,
                                accepted: false, sccIterationLimit: evaluation.retryLimit,
                                note: "calculation failed: \(describe(error)); step rejected",
                                wallSeconds: evaluation.wallSeconds, positions: positions)
    }

    /// The outcome: converged, the last accepted geometry (`accepted`, its positions); otherwise
    /// the lowest energy reached.
    func outcome(_ path: OptimizationPath, input structure: Structure, accepted: [Vec3], log: EvaluationLog,
                 maxCycles: Int, frozenAtoms: [Int], notes extra: [String],
                 started clock: ContinuousClock.Instant) -> OptimizationOutcome {
        let status = path.status ?? .maxCycles
        let steps = path.steps
        let chosen: OptimizationPath.Point = status == .converged
            ? (accepted, path.current, path.gradientNorm) : path.best
        var out = structure
        out.positions = chosen.positions
        var notes = log.notes + extra
        if status != .converged {
            notes.append("not converged (\(status.rawValue)): the structure is the lowest-energy geometry reached")
        }
        let elapsed = ContinuousClock.now - clock
        return OptimizationOutcome(
            status: status, structure: out, result: chosen.result, gradientNorm: chosen.gradientNorm,
            cycles: steps.count, gradientEvaluations: log.successes, failedEvaluations: log.failures,
            raisedMaxIterations: log.raisedMaxIterations, steps: steps, frozenAtoms: frozenAtoms,
            level: options.level, maxCycles: maxCycles,
            wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            notes: notes)
    }
}
