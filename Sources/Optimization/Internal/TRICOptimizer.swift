import Engine
import Foundation
import Structures

/// The quasi-Newton optimisation in translation-rotation internal coordinates (`--coordinates
/// tric`): the same trust-region steps, rejection and convergence tests as the Cartesian path,
/// but the step, the model Hessian and its BFGS updates live in TRIC's delocalised coordinates,
/// and each step is back-transformed to Cartesians iteratively. The model Hessian is rebuilt at
/// every geometry and updated with the last `hessianMemory` steps (nil: with every step); the
/// coordinates are rebuilt (and the history re-expressed in them) when the bond graph changes, a
/// bend nears linearity or a fragment has turned by more than 1.5 rad. Step lengths and trust
/// radii are norms in the delocalised coordinates (Bohr and radians; rotations scaled to Bohr).
extension Optimizer {
    /// A step of the BFGS history, kept in Cartesians so it can be re-expressed after a rebuild.
    struct InternalHistoryEntry {
        var from: (x: [Double], g: [Double])
        var to: (x: [Double], g: [Double])
        var s: [Double]
        var y: [Double]
    }

    func optimizeInternal(_ structure: Structure,
                          onStep: ((OptimizationStep) -> Void)?) throws -> OptimizationOutcome {
        let clock = ContinuousClock.now
        let n = structure.count
        let dim = 3 * n
        let maxCycles = options.maxCycles ?? options.level.maxCycles(atoms: n)
        let session = try calculator.makeSession(for: structure, settings: settings,
                                                 reuseWavefunction: options.reuseWavefunction)
        var log = EvaluationLog(session: session, settings: settings, retryIterations: options.sccRetryIterations)
        let numbers = structure.atomicNumbers
        let x0 = Self.bohr(structure.positions)
        func positions(_ x: [Double]) -> [Vec3] {
            (0..<n).map { i in Vec3(x[3 * i], x[3 * i + 1], x[3 * i + 2]) * Units.angstromPerBohr }
        }
        func flat(_ r: CalculationResult) -> [Double] { r.gradient.flatMap { $0 } }

        let start = log.evaluate(structure.positions)
        let firstResult: CalculationResult
        switch start.result {
        case let .success(result): firstResult = result
        case let .failure(error): throw error
        }
        var x = x0
        var gx = flat(firstResult)
        let external = n > 1 ? ExternalModes(x: x0) : nil
        let gNorm = Self.norm(external?.project(gx) ?? gx)
        var path = OptimizationPath(start: start, result: firstResult, gradientNorm: gNorm, positions: structure.positions,
                                    options: options, converged: gNorm < options.level.gradientThreshold,
                                    onStep: onStep)

        var coordinates = InternalCoordinates(numbers: numbers, x: x)
        var map = coordinates.inverseMap(x)
        var gq = InternalCoordinates.apply(map, gx, rows: coordinates.dimension)
        var rebuilds = 0
        var fallbacks = 0
        var history: [InternalHistoryEntry] = []
        let memory = options.hessianMemory ?? Int.max

        while path.status == nil {
            if path.steps.count >= maxCycles {
                path.status = .maxCycles
                break
            }
            let d = coordinates.dimension
            var h = InternalModelHessian.fromCartesian(structure: structure, x: x, map: map, dimension: d)
            for entry in history.suffix(memory) {
                HessianUpdate.dampedBFGS(&h, n: d, step: entry.s, gradientChange: entry.y)
            }
            let eigen = SymmetricEigen(h, n: d)
            let step = QuasiNewtonStep(eigen: eigen, gradient: gq, trustRadius: path.trust.radius,
                                       model: options.rationalFunctionSteps ? .rationalFunction : .newton)
            var target = step.step
            // Cap single-atom moves: first on the linear Cartesian step, then on the back-transformed one.
            let linear = InternalCoordinates.applyTransposed(map, target, columns: dim)
            let linearLargest = Self.largestAtomMove(zip(x, linear).map { $0 + $1 }, x)
            if linearLargest > options.maxAtomDisplacement {
                target = target.map { $0 * options.maxAtomDisplacement / linearLargest }
            }
            var back = BackTransformation(coordinates, from: x, step: target, map0: map)
            for _ in 0..<3 {
                let largest = Self.largestAtomMove(back.x, x)
                guard largest > 1.02 * options.maxAtomDisplacement else { break }
                let scale = max(0.5, options.maxAtomDisplacement / largest)
                target = target.map { $0 * scale }
                back = BackTransformation(coordinates, from: x, step: target, map0: map)
            }
            if !back.converged { fallbacks += 1 }
            var trial = back.x
            let largest = Self.largestAtomMove(trial, x)
            if largest > options.maxAtomDisplacement {
                let scale = options.maxAtomDisplacement / largest
                trial = zip(trial, x).map { $1 + ($0 - $1) * scale }
            }
            let s = coordinates.difference(trial, x)
            let predicted = Self.quadraticChange(gq, h, s, d)
            let length = Self.norm(target)
            let trialPositions = positions(trial)
            let evaluation = log.evaluate(trialPositions)

            switch evaluation.result {
            case let .failure(error):
                path.recordFailure(error, evaluation: evaluation, predicted: predicted, length: length,
                                   positions: trialPositions)
            case let .success(result):
                let gNew = flat(result)
                let mapNew = coordinates.inverseMap(trial)
                let gqNew = InternalCoordinates.apply(mapNew, gNew, rows: d)
                history.append(InternalHistoryEntry(from: (x, gx), to: (trial, gNew), s: s,
                                                    y: zip(gqNew, gq).map { $0 - $1 }))
                if memory < Int.max { Self.trimHistory(&history, memory: memory) }
                let projected = external.map { _ in ExternalModes(x: trial).project(gNew) } ?? gNew
                let newNorm = Self.norm(projected)
                var note = evaluation.note
                if !back.converged {
                    note = [note, String(format: "back-transformation not converged (residual %.1e)", back.residual)]
                        .compactMap { $0 }.joined(separator: "; ")
                }
                var judgement = path.judge(result, gradientNorm: newNorm, positions: trialPositions, predicted: predicted,
                                           length: length, note: note, meetsThresholds: meetsThresholds)
                if judgement.accepted {
                    x = trial
                    gx = gNew
                    map = mapNew
                    gq = gqNew
                    if path.status == nil, coordinates.rebuildNeeded(x) {
                        coordinates = InternalCoordinates(numbers: numbers, x: x)
                        map = coordinates.inverseMap(x)
                        gq = InternalCoordinates.apply(map, gx, rows: coordinates.dimension)
                        history = Self.reexpress(history.suffix(min(memory, history.count)), in: coordinates)
                        rebuilds += 1
                        judgement.note = [judgement.note, "coordinates rebuilt (\(coordinates.graph.fragments.count) "
                            + "fragments, \(coordinates.primitives.count) primitives)"].compactMap { $0 }.joined(separator: "; ")
                    }
                }
                path.record(judgement, result: result, gradientNorm: newNorm, predicted: predicted,
                            length: length, evaluation: evaluation, positions: trialPositions)
            }
        }

        let first = InternalCoordinates(numbers: numbers, x: x0)
        let summary = "TRIC coordinates: \(first.graph.fragments.count) fragments, \(first.primitives.count) primitives, "
            + "\(rebuilds) rebuilds, \(fallbacks) unconverged back-transformations"
        return outcome(path, input: structure, accepted: positions(x), log: log, maxCycles: maxCycles, frozenAtoms: [],
                       notes: [summary], started: clock)
    }

    /// The history's steps and gradient changes in new coordinates (each geometry's map once).
    static func reexpress(_ entries: ArraySlice<InternalHistoryEntry>,
                          in coordinates: InternalCoordinates) -> [InternalHistoryEntry] {
        let d = coordinates.dimension
        var cache: [[Double]: [Double]] = [:]
        func internalGradient(_ x: [Double], _ g: [Double]) -> [Double] {
            if let known = cache[x + g] { return known }
            let value = InternalCoordinates.apply(coordinates.inverseMap(x), g, rows: d)
            cache[x + g] = value
            return value
        }
        return entries.map { entry in
            var e = entry
            e.s = coordinates.difference(entry.to.x, entry.from.x)
            let ga = internalGradient(entry.from.x, entry.from.g)
            let gb = internalGradient(entry.to.x, entry.to.g)
            e.y = zip(gb, ga).map { $0 - $1 }
            return e
        }
    }

    /// The largest single-atom displacement between two geometries (Bohr).
    static func largestAtomMove(_ a: [Double], _ b: [Double]) -> Double {
        largestAtomMove(zip(a, b).map { $0 - $1 })
    }
}
