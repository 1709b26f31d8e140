import Engine
import Foundation
import Structures

/// The energy per formula unit of a bulk phase, converged over Γ-point supercells: grows the
/// supercell along a `SupercellSeries` until two consecutive sizes agree (`ConvergenceRule`),
/// stops at an atom cap or a time budget, and relaxes positions in the last supercell if asked.
public struct BulkStudy {
    /// Reported as each step finishes.
    public enum Event {
        case started(series: String, supercells: [SupercellMatrix])
        case point(SeriesPoint)
        /// The series is complete (converged or stopped); a relaxation may follow.
        case seriesFinished(BulkStudyResult)
        case relaxationStarted(supercell: SupercellMatrix, atoms: Int)
    }

    public let source: any BulkEnergySource
    public let options: BulkStudyOptions

    public init(source: any BulkEnergySource, options: BulkStudyOptions = BulkStudyOptions()) {
        self.source = source
        self.options = options
    }

    /// Runs the series (and the relaxation) for `cell`. Throws only for an unusable input (not
    /// 3D-periodic, refused by the backend, bad formula units); a calculation that fails later
    /// ends the series with `SeriesStop.failed`.
    public func run(_ cell: Structure, onEvent: ((Event) -> Void)? = nil) throws -> BulkStudyResult {
        let units = try formulaUnits(of: cell)
        try source.validate(cell)
        let series = options.series ?? .automatic(for: cell)
        let matrices = series.matrices(for: cell, maxAtoms: options.maxAtoms)
        onEvent?(.started(series: series.name, supercells: matrices))
        var result = BulkStudyResult(
            name: cell.name, formula: FormulaUnits.reducedFormula(of: cell), atomsPerCell: cell.count,
            formulaUnitsPerCell: units, series: series.name, thresholdKJPerMol: options.rule.thresholdKJPerMol,
            points: [], convergedIndex: nil, stop: .seriesExhausted, relaxation: nil, relaxationFailure: nil)
        result.stop = walk(matrices, cell: cell, units: units, into: &result, onEvent: onEvent)
        onEvent?(.seriesFinished(result))
        if options.relax, let point = result.points.last(where: { $0.atoms <= options.relaxMaxAtoms ?? .max }) {
            do {
                result.relaxation = try relax(cell, at: point, onEvent: onEvent)
            } catch {
                result.relaxationFailure = Self.describe(error)
            }
        } else if options.relax {
            result.relaxationFailure = "no computed supercell has at most \(options.relaxMaxAtoms ?? 0) atoms"
        }
        return result
    }

    private func formulaUnits(of cell: Structure) throws -> Int {
        let units = options.formulaUnits ?? FormulaUnits.count(in: cell)
        let counts = FormulaUnits.elementCounts(cell).values
        guard units > 0, counts.allSatisfy({ $0 % units == 0 }) else {
            throw Supercell.BuildError(description: "\(cell.name): \(units) formula units do not divide the composition \(cell.formula)")
        }
        return units
    }

    /// Computes the sizes in order until the rule, the cap or the budget stops it.
    private func walk(_ matrices: [SupercellMatrix], cell: Structure, units: Int, into result: inout BulkStudyResult,
                      onEvent: ((Event) -> Void)?) -> SeriesStop {
        let clock = ContinuousClock.now
        for matrix in matrices {
            let atoms = matrix.determinant * cell.count
            if atoms > options.maxAtoms {
                return .atomCap(next: matrix.label, atoms: atoms, cap: options.maxAtoms)
            }
            if let stop = budgetStop(next: matrix, atoms: atoms, after: result.points.last, since: clock) {
                return stop
            }
            do {
                let point = try compute(matrix, cell: cell, units: units, previous: result.points.last)
                result.points.append(point)
                onEvent?(.point(point))
            } catch {
                return .failed(supercell: matrix.label, message: Self.describe(error))
            }
            if let index = options.rule.convergedIndex(result.points.map(\.energyPerUnit)) {
                result.convergedIndex = index
                return .converged
            }
        }
        return .seriesExhausted
    }

    private func compute(_ matrix: SupercellMatrix, cell: Structure, units: Int,
                         previous: SeriesPoint?) throws -> SeriesPoint {
        let supercell = try Supercell.build(cell, matrix: matrix)
        let energy = try source.energy(of: supercell, builtFrom: cell)
        let unitsInSupercell = units * matrix.determinant
        let perUnit = energy.energy / Double(unitsInSupercell)
        return SeriesPoint(
            supercell: matrix, cells: matrix.determinant, atoms: supercell.count, formulaUnits: unitsInSupercell,
            energy: energy.energy, energyPerUnit: perUnit,
            changeKJPerMol: previous.map { (perUnit - $0.energyPerUnit) * Units.kJPerMolPerHartree },
            seconds: energy.seconds, cached: energy.cached, calculationID: energy.calculationID,
            structureHash: supercell.contentHash)
    }

    /// A stop when the next size would overrun the time budget (time ∝ atoms³ from the last size).
    private func budgetStop(next matrix: SupercellMatrix, atoms: Int, after last: SeriesPoint?,
                            since start: ContinuousClock.Instant) -> SeriesStop? {
        guard let budget = options.timeBudget, let last else { return nil }
        let elapsed = ContinuousClock.now - start
        let remaining = budget - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        let estimate = last.seconds * pow(Double(atoms) / Double(last.atoms), 3)
        guard estimate > remaining else { return nil }
        return .timeBudget(next: matrix.label, atoms: atoms, estimatedSeconds: estimate, remainingSeconds: max(remaining, 0))
    }

    /// Relaxes positions in the supercell of `point`.
    private func relax(_ cell: Structure, at point: SeriesPoint, onEvent: ((Event) -> Void)?) throws -> RelaxationSummary {
        let supercell = try Supercell.build(cell, matrix: point.supercell)
        onEvent?(.relaxationStarted(supercell: point.supercell, atoms: supercell.count))
        let options = PositionRelaxation.options(for: supercell, level: self.options.relaxLevel,
                                                 maxCycles: self.options.relaxMaxCycles)
        let relaxed = try source.relax(supercell, options: options)
        return RelaxationSummary(
            supercell: point.supercell, atoms: point.atoms, formulaUnits: point.formulaUnits,
            relaxed: PositionRelaxation.description, unrelaxedPerUnit: point.energyPerUnit,
            relaxedPerUnit: relaxed.energy / Double(point.formulaUnits), status: relaxed.status.rawValue,
            cycles: relaxed.cycles, gradientNorm: relaxed.gradientNorm, seconds: relaxed.seconds,
            cached: relaxed.cached, optimizationID: relaxed.optimizationID, calculationID: relaxed.calculationID,
            structureHash: relaxed.structure.contentHash)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let e as EngineError: "\(e.kind.rawValue): \(e.message)"
        default: String(describing: error)
        }
    }
}
