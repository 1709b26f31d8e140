import Engine
import Foundation
import Structures

/// Knobs of an optimisation; the defaults are what `interscreen opt` uses.
public struct OptimizationOptions: Sendable, Hashable {
    /// Convergence thresholds and cycle cap, as xtb defines them.
    public var level: ConvergenceLevel
    /// Overrides the level's cycle cap when set.
    public var maxCycles: Int?
    /// 0-based indices of atoms that must not move.
    public var frozenAtoms: [Int]
    /// Start each SCC from the previous geometry's solution (faster, path-dependent; see
    /// `CalculatorSession.carriesState`). Off by default: every energy equals a fresh single point.
    public var reuseWavefunction: Bool
    /// SCC iteration limit of the retry after an SCC failure; nil: max(4 × settings, 1000).
    public var sccRetryIterations: Int?
    /// Trust radius (Bohr, norm of the whole step): start, smallest, largest.
    public var initialTrustRadius: Double
    public var minimumTrustRadius: Double
    public var maximumTrustRadius: Double
    /// No atom moves farther than this in one step (Bohr).
    public var maxAtomDisplacement: Double
    /// Newton steps inside the trust region (default) or rational-function steps.
    public var rationalFunctionSteps: Bool
    /// k (default 30): at every step the model Hessian of the current geometry, updated by damped
    /// BFGS with the last k steps only — the model follows the geometry (bonds that turned keep
    /// their stiffness along their new direction) and old curvature information ages out. nil: one
    /// Hessian, the model of the start geometry, BFGS-updated with every step ever after.
    public var hessianMemory: Int?
    /// Cartesian or TRIC steps, or the choice per structure (`OptimizationCoordinates.resolved`);
    /// with frozen atoms always Cartesian.
    public var coordinates: OptimizationCoordinates = .automatic

    public init(level: ConvergenceLevel = .normal, maxCycles: Int? = nil, frozenAtoms: [Int] = [],
                reuseWavefunction: Bool = false, sccRetryIterations: Int? = nil,
                initialTrustRadius: Double = 0.5, minimumTrustRadius: Double = 1e-3,
                maximumTrustRadius: Double = 1.5, maxAtomDisplacement: Double = 0.5,
                rationalFunctionSteps: Bool = false, hessianMemory: Int? = 30) {
        self.level = level
        self.maxCycles = maxCycles
        self.frozenAtoms = frozenAtoms
        self.reuseWavefunction = reuseWavefunction
        self.sccRetryIterations = sccRetryIterations
        self.initialTrustRadius = initialTrustRadius
        self.minimumTrustRadius = minimumTrustRadius
        self.maximumTrustRadius = maximumTrustRadius
        self.maxAtomDisplacement = maxAtomDisplacement
        self.rationalFunctionSteps = rationalFunctionSteps
        self.hessianMemory = hessianMemory
    }
}

/// Minimises the energy of a structure with any `Calculator`: trust-region quasi-Newton steps in
/// Cartesian coordinates (Newton inside the trust radius, RS-RFO as an option), a Lindh-type model
/// Hessian extended to heavy elements, rebuilt at every geometry and updated by damped BFGS with
/// the last 30 steps, a trust radius adapted from predicted versus actual energy changes, and
/// rejection of steps that raise the energy. See docs/optimizer.md.
///
/// Deterministic: the same input, settings and options give the same path, bit for bit.
public struct Optimizer {
    public let calculator: any Calculator
    public let settings: Settings
    public let options: OptimizationOptions

    public init(calculator: any Calculator, settings: Settings, options: OptimizationOptions = .init()) {
        self.calculator = calculator
        self.settings = settings
        self.options = options
    }

    /// Energy rises up to this are SCC noise: the step is kept, but does not count as "lowered".
    static let noiseTolerance = 1e-7
    /// Eigenvalue given to the rigid-motion directions after projection (Eh/Bohr²).
    static let externalShift = 10.0
    /// Lowest curvature of the initial model Hessian (Eh/Bohr²; xtb's ANCopt uses 0.01).
    static let modelFloor = 0.005
    /// Consecutive failed geometries after which the optimisation gives up.
    static let maxConsecutiveFailures = 3
    /// Consecutive rejections at the minimum trust radius after which it gives up.
    static let maxStalls = 5

    /// Optimises `structure`. `onStep` sees every cycle as it completes (progress, trajectories).
    ///
    /// Throws when the start geometry cannot be computed (invalid input, or an SCC that does not
    /// converge even with more iterations) or a frozen index is out of range. Everything that
    /// happens later ends in an outcome (converged or not), never in a throw.
    public func optimize(_ structure: Structure,
                         onStep: ((OptimizationStep) -> Void)? = nil) throws -> OptimizationOutcome {
        if options.coordinates.resolved(for: structure, frozenAtoms: options.frozenAtoms) == .tric {
            return try optimizeInternal(structure, onStep: onStep)
        }
        let clock = ContinuousClock.now
        let n = structure.count
        let frozen = Set(options.frozenAtoms)
        if let bad = frozen.first(where: { $0 < 0 || $0 >= n }) {
            throw FreezeSpecError("frozen atom \(bad + 1) does not exist: \(structure.name) has \(n) atoms")
        }
        let freeAtoms = (0..<n).filter { !frozen.contains($0) }
        let free = freeAtoms.flatMap { [3 * $0, 3 * $0 + 1, 3 * $0 + 2] }
        let dim = free.count
        let maxCycles = options.maxCycles ?? options.level.maxCycles(atoms: n)
        let session = try calculator.makeSession(for: structure, settings: settings,
                                                 reuseWavefunction: options.reuseWavefunction)
        var log = EvaluationLog(session: session, settings: settings, retryIterations: options.sccRetryIterations)

        // Geometry state: Cartesian Bohr for all atoms; frozen atoms always from the input (Å).
        let x0 = Self.bohr(structure.positions)
        func positions(_ x: [Double]) -> [Vec3] {
            (0..<n).map { i in
                frozen.contains(i) ? structure.positions[i]
                    : Vec3(x[3 * i], x[3 * i + 1], x[3 * i + 2]) * Units.angstromPerBohr
            }
        }

        // The start geometry (exactly the input positions).
        let start = log.evaluate(structure.positions)
        let firstResult: CalculationResult
        switch start.result {
        case let .success(result): firstResult = result
        case let .failure(error): throw error
        }
        var x = x0
        var g = Self.freeGradient(firstResult, free)
        let external = frozen.isEmpty && n > 1 ? ExternalModes(x: x0) : nil
        let gNorm = Self.norm(external?.project(Self.expand(g, free, 3 * n)).restricted(to: free) ?? g)
        var path = OptimizationPath(start: start, result: firstResult, gradientNorm: gNorm, positions: structure.positions,
                                    options: options, converged: gNorm < options.level.gradientThreshold || dim == 0,
                                    onStep: onStep)

        // Model Hessian over the free coordinates.
        var hessian = options.hessianMemory == nil ? Self.initialHessian(structure, x: x0, free: free) : []
        var history: [([Double], [Double])] = []

        while path.status == nil {
            if path.steps.count >= maxCycles {
                path.status = .maxCycles
                break
            }
            // The step: trust-region Newton (or RS-RFO) on the (projected) Hessian.
            let modes = external.map { _ in ExternalModes(x: x) }
            if let memory = options.hessianMemory {
                hessian = Self.initialHessian(structure, x: x, free: free)
                for (s, y) in history.suffix(memory) {
                    HessianUpdate.dampedBFGS(&hessian, n: dim, step: s, gradientChange: y)
                }
            }
            var h = hessian
            var gp = g
            if let modes {
                h = Self.expandMatrix(h, free, 3 * n)   // no frozen atoms: free = all coordinates
                modes.project(hessian: &h, shift: Self.externalShift)
                gp = modes.project(g)
            }
            let eigen = SymmetricEigen(h, n: dim)
            let step = QuasiNewtonStep(eigen: eigen, gradient: gp, trustRadius: path.trust.radius,
                                       model: options.rationalFunctionSteps ? .rationalFunction : .newton)
            var s = step.step
            var predicted = step.predictedChange
            // Cap single-atom moves.
            let largest = Self.largestAtomMove(s)
            if largest > options.maxAtomDisplacement {
                let scale = options.maxAtomDisplacement / largest
                s = s.map { $0 * scale }
                predicted = Self.quadraticChange(gp, h, s, dim)
            }
            let length = Self.norm(s)
            var trial = x
            for (k, c) in free.enumerated() { trial[c] += s[k] }
            let trialPositions = positions(trial)
            let evaluation = log.evaluate(trialPositions)

            switch evaluation.result {
            case let .failure(error):
                path.recordFailure(error, evaluation: evaluation, predicted: predicted, length: length,
                                   positions: trialPositions)
            case let .success(result):
                let gNew = Self.freeGradient(result, free)
                let y = zip(gNew, g).map { $0 - $1 }
                if options.hessianMemory == nil {
                    HessianUpdate.dampedBFGS(&hessian, n: dim, step: s, gradientChange: y)
                } else {
                    history.append((s, y))
                    Self.trimHistory(&history, memory: options.hessianMemory ?? 0)
                }
                let projected = external.map { _ in ExternalModes(x: trial).project(gNew) } ?? gNew
                let newNorm = Self.norm(projected)
                let judgement = path.judge(result, gradientNorm: newNorm, positions: trialPositions, predicted: predicted,
                                           length: length, note: evaluation.note, meetsThresholds: meetsThresholds)
                if judgement.accepted {
                    x = trial
                    g = gNew
                }
                path.record(judgement, result: result, gradientNorm: newNorm, predicted: predicted,
                            length: length, evaluation: evaluation, positions: trialPositions)
            }
        }

        // Converged: the last accepted geometry; otherwise the lowest energy reached (in practice
        // the same geometry, since only noise-level rises are ever accepted).
        let fallback = options.coordinates == .tric && !options.frozenAtoms.isEmpty
            ? ["TRIC does not support frozen atoms: optimised in Cartesian coordinates"] : []
        return outcome(path, input: structure, accepted: positions(x), log: log, maxCycles: maxCycles,
                       frozenAtoms: options.frozenAtoms.sorted(), notes: fallback, started: clock)
    }

    // MARK: - Pieces

    /// The model Hessian restricted to the free coordinates, with its internal eigenvalues raised
    /// to at least `modelFloor` (so that loose fragments start with a finite step).
    static func initialHessian(_ structure: Structure, x: [Double], free: [Int]) -> [Double] {
        let full = ModelHessian.lindh(numbers: structure.atomicNumbers, x: x)
        let d = 3 * structure.count
        let m = free.count
        var h = [Double](repeating: 0, count: m * m)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { h[a * m + b] = full[i * d + j] }
        }
        guard m > 0 else { return h }
        // Floor the eigenvalues (the rigid-motion ones of a free molecule are projected away later).
        let eigen = SymmetricEigen(h, n: m)
        var floored = [Double](repeating: 0, count: m * m)
        for k in 0..<m {
            let value = max(eigen.values[k], modelFloor)
            let base = k * m
            for i in 0..<m {
                let vi = eigen.vectors[base + i] * value
                if vi == 0 { continue }
                for j in 0..<m { floored[i * m + j] += vi * eigen.vectors[base + j] }
            }
        }
        // Symmetrise exactly.
        for i in 0..<m {
            for j in (i + 1)..<max(m, i + 1) {
                let v = 0.5 * (floored[i * m + j] + floored[j * m + i])
                floored[i * m + j] = v
                floored[j * m + i] = v
            }
        }
        return floored
    }

    static func freeGradient(_ result: CalculationResult, _ free: [Int]) -> [Double] {
        free.map { result.gradient[$0 / 3][$0 % 3] }
    }

    static func expand(_ v: [Double], _ free: [Int], _ dim: Int) -> [Double] {
        var out = [Double](repeating: 0, count: dim)
        for (k, c) in free.enumerated() { out[c] = v[k] }
        return out
    }

    static func expandMatrix(_ h: [Double], _ free: [Int], _ dim: Int) -> [Double] {
        if free.count == dim { return h }
        var out = [Double](repeating: 0, count: dim * dim)
        let m = free.count
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { out[i * dim + j] = h[a * m + b] }
        }
        return out
    }

    static func quadraticChange(_ g: [Double], _ h: [Double], _ s: [Double], _ n: Int) -> Double {
        var linear = 0.0, quadratic = 0.0
        for i in 0..<n {
            linear += g[i] * s[i]
            var t = 0.0
            for j in 0..<n { t += h[i * n + j] * s[j] }
            quadratic += s[i] * t
        }
        return linear + 0.5 * quadratic
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func describe(_ error: Error) -> String {
        switch error {
        case let e as EngineError: "\(e.kind.rawValue): \(e.message)"
        default: String(describing: error)
        }
    }
}

private extension Array where Element == Double {
    func restricted(to indices: [Int]) -> [Double] { indices.map { self[$0] } }
}

/// Runs the session's evaluations with the SCC retry policy and keeps count.
struct EvaluationLog {
    struct Evaluation {
        var result: Result<CalculationResult, Error>
        /// The iteration limit of the successful retry, if one was needed.
        var retryLimit: Int?
        var note: String?
        var wallSeconds: Double
    }

    let session: any CalculatorSession
    let settings: Settings
    let retryIterations: Int?
    private(set) var successes = 0
    private(set) var failures = 0
    private(set) var raisedMaxIterations: Int?
    private(set) var notes: [String] = []
    private var retriesNoted = false

    init(session: any CalculatorSession, settings: Settings, retryIterations: Int?) {
        self.session = session
        self.settings = settings
        self.retryIterations = retryIterations
    }

    /// Energy and gradient at `positions`. An SCC that does not converge is retried once from a
    /// fresh start with more iterations (recorded); any other failure is returned as is.
    mutating func evaluate(_ positions: [Vec3]) -> Evaluation {
        let clock = ContinuousClock.now
        func seconds() -> Double {
            let e = ContinuousClock.now - clock
            return Double(e.components.seconds) + Double(e.components.attoseconds) * 1e-18
        }
        do {
            let result = try session.evaluate(positions: positions, maxIterations: nil)
            successes += 1
            return Evaluation(result: .success(result), retryLimit: nil, note: nil, wallSeconds: seconds())
        } catch let error as EngineError where error.kind == .sccNotConverged && settings.method.isSelfConsistent {
            failures += 1
            session.reset()
            let limit = retryIterations ?? Swift.max(4 * settings.maxIterations, 1000)
            do {
                let result = try session.evaluate(positions: positions, maxIterations: limit)
                successes += 1
                raisedMaxIterations = Swift.max(raisedMaxIterations ?? 0, limit)
                if !retriesNoted {
                    notes.append("the SCC did not converge in \(settings.maxIterations) iterations at some geometries; "
                        + "those were recomputed from a fresh start with \(limit) iterations (see the steps)")
                    retriesNoted = true
                }
                return Evaluation(result: .success(result), retryLimit: limit,
                                  note: "SCC not converged in \(settings.maxIterations) iterations; retried with \(limit)",
                                  wallSeconds: seconds())
            } catch {
                failures += 1
                session.reset()
                return Evaluation(result: .failure(error), retryLimit: limit, note: nil, wallSeconds: seconds())
            }
        } catch {
            failures += 1
            session.reset()
            return Evaluation(result: .failure(error), retryLimit: nil, note: nil, wallSeconds: seconds())
        }
    }
}
