import Engine
import Structures

/// What both optimisers (Cartesian and TRIC) carry from cycle to cycle about the path: the last
/// accepted energy and gradient norm, the lowest point reached, the trust region, the failure and
/// stall counts, the cycles recorded so far and, once decided, how the optimisation ends. Every
/// recorded cycle is handed to `onStep` as it is appended. The coordinates themselves (and their
/// gradient) stay with each optimiser.
struct OptimizationPath {
    typealias Point = (positions: [Vec3], result: CalculationResult, gradientNorm: Double)

    /// How an evaluated step was judged (before it is recorded).
    struct Judgement {
        var accepted: Bool
        var change: Double
        /// The trust radius the step was taken with.
        var radius: Double
        var note: String?
    }

    private(set) var current: CalculationResult
    private(set) var gradientNorm: Double
    private(set) var best: Point
    private(set) var trust: TrustRadius
    private(set) var steps: [OptimizationStep]
    var status: OptimizationStatus?
    private var failures = 0
    private var stalls = 0
    private let onStep: ((OptimizationStep) -> Void)?

    /// The path at the start geometry: cycle 1 (handed to `onStep`), converged at once when `converged`.
    init(start: EvaluationLog.Evaluation, result: CalculationResult, gradientNorm: Double, positions: [Vec3],
         options: OptimizationOptions, converged: Bool, onStep: ((OptimizationStep) -> Void)?) {
        self.onStep = onStep
        current = result
        self.gradientNorm = gradientNorm
        best = (positions, result, gradientNorm)
        trust = TrustRadius(initial: options.initialTrustRadius, minimum: options.minimumTrustRadius,
                            maximum: options.maximumTrustRadius)
        steps = [OptimizationStep(cycle: 1, energy: result.energy, gradientNorm: gradientNorm, energyChange: nil,
                                  predictedChange: nil, stepLength: 0, trustRadius: options.initialTrustRadius,
                                  accepted: true, sccIterationLimit: start.retryLimit, note: start.note,
                                  wallSeconds: start.wallSeconds, positions: positions)]
        status = converged ? .converged : nil
        onStep?(steps[0])
    }

    /// The number the next recorded cycle gets.
    var nextCycle: Int { steps.count + 1 }

    /// A geometry whose calculation failed: a rejected cycle, recorded; three in a row end it.
    mutating func recordFailure(_ error: Error, evaluation: EvaluationLog.Evaluation, predicted: Double,
                                length: Double, positions: [Vec3]) {
        failures += 1
        append(Optimizer.failedCycle(nextCycle, error: error, evaluation: evaluation, predicted: predicted,
                                     length: length, positions: positions, trust: &trust))
        if failures >= Optimizer.maxConsecutiveFailures { status = .sccFailure }
    }

    /// Judges an evaluated step. Kept when the energy did not rise beyond noise: the trust region
    /// follows the model's accuracy, the point becomes current (and best when lowest), and the
    /// level's thresholds are tested. Rejected otherwise: the trust region shrinks, and repeated
    /// rejections at its minimum stall the optimisation. The caller moves its own coordinates
    /// when the step is kept, then records the cycle.
    mutating func judge(_ result: CalculationResult, gradientNorm newNorm: Double, positions: [Vec3],
                        predicted: Double, length: Double, note: String?,
                        meetsThresholds: (_ change: Double, _ gradientNorm: Double) -> Bool) -> Judgement {
        failures = 0
        let change = result.energy - current.energy
        var judgement = Judgement(accepted: change <= Optimizer.noiseTolerance, change: change,
                                  radius: trust.radius, note: note)
        if judgement.accepted {
            trust.accepted(ratio: predicted < 0 ? change / predicted : 0, step: length)
            current = result
            gradientNorm = newNorm
            stalls = 0
            if result.energy < best.result.energy { best = (positions, result, newNorm) }
            if meetsThresholds(change, newNorm) { status = .converged }
        } else {
            let rejection = Optimizer.reject(step: length, change: change, note: note, trust: &trust, stalls: &stalls)
            judgement.note = rejection.note
            if rejection.stalled { status = .stalled }
        }
        return judgement
    }

    /// Records a judged cycle.
    mutating func record(_ judgement: Judgement, result: CalculationResult, gradientNorm: Double, predicted: Double,
                         length: Double, evaluation: EvaluationLog.Evaluation, positions: [Vec3]) {
        append(OptimizationStep(cycle: nextCycle, energy: result.energy, gradientNorm: gradientNorm,
                                energyChange: judgement.change, predictedChange: predicted, stepLength: length,
                                trustRadius: judgement.radius, accepted: judgement.accepted,
                                sccIterationLimit: evaluation.retryLimit, note: judgement.note,
                                wallSeconds: evaluation.wallSeconds, positions: positions))
    }

    private mutating func append(_ step: OptimizationStep) {
        steps.append(step)
        onStep?(step)
    }
}
