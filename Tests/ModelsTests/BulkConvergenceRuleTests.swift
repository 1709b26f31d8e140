import Engine
import Foundation
import Models
import Optimization
import Structures
import XCTest

/// The convergence rule and the series driver on sequences of real energies, replayed.
///
/// Provenance of the numbers (tblite 0.8.0, Γ point, unrelaxed, Eh per CsPbI3): clusters/bulk/
/// SOURCES.md ("Energies computed with tblite 0.8.0"), reproduced by this project's bridge to
/// 1e-9 Eh where we recomputed them (α 2x2x2, δ 1x2x1, 1x3x1: BulkStudyTests and docs/bulk.md).
final class BulkConvergenceRuleTests: XCTestCase {
    /// GFN2, α: 2x2x2, 3x3x3, 4x4x4 (a naive series with an odd size).
    static let alphaGFN2Naive = [-14.236690, -14.280696, -14.274737]
    /// GFN2, δ: 1x2x1, 1x3x1, 2x4x1.
    static let deltaGFN2 = [-14.285831, -14.290699, -14.290433]
    /// GFN1, δ: 1x2x1, 1x3x1, 2x4x1.
    static let deltaGFN1 = [-14.116883, -14.119718, -14.119765]

    func testChangesAreInKJPerMol() {
        let changes = ConvergenceRule.changes(Self.deltaGFN2)
        XCTAssertNil(changes[0])
        XCTAssertEqual(changes[1]!, -12.781, accuracy: 0.001)
        XCTAssertEqual(changes[2]!, 0.698, accuracy: 0.001)
    }

    /// δ GFN2: 1x3x1 → 2x4x1 moves 0.70 kJ/mol, so 0.5 does not call it converged and 1.0 does.
    func testStopsWhereTheThresholdSays() {
        XCTAssertNil(ConvergenceRule(thresholdKJPerMol: 0.5).convergedIndex(Self.deltaGFN2))
        XCTAssertEqual(ConvergenceRule(thresholdKJPerMol: 1.0).convergedIndex(Self.deltaGFN2), 2)
        XCTAssertNil(ConvergenceRule(thresholdKJPerMol: 12.0).convergedIndex(Array(Self.deltaGFN2.prefix(2))))
        XCTAssertEqual(ConvergenceRule(thresholdKJPerMol: 13.0).convergedIndex(Self.deltaGFN2), 1)
        // GFN1 δ: 1x3x1 → 2x4x1 moves 0.12 kJ/mol: converged at the default threshold.
        XCTAssertEqual(ConvergenceRule().convergedIndex(Self.deltaGFN1), 2)
    }

    /// The naive α series oscillates (3x3x3 misses R): its last change is 15.6 kJ/mol, so no
    /// threshold below that accepts it — and the even series never offers 3x3x3 at all.
    func testOscillatingSeriesIsNotConverged() {
        let changes = ConvergenceRule.changes(Self.alphaGFN2Naive).compactMap { $0 }
        XCTAssertEqual(changes[0], -115.5, accuracy: 0.1)
        XCTAssertEqual(changes[1], 15.6, accuracy: 0.1)
        XCTAssertNil(ConvergenceRule(thresholdKJPerMol: 15).convergedIndex(Self.alphaGFN2Naive))
    }

    /// The driver on replayed δ energies: it stops at the first agreeing pair and computes
    /// nothing beyond it.
    func testDriverStopsAtTheFirstAgreeingPair() throws {
        let delta = try BulkSupercellTests.cell("delta")
        let labels = ["1x2x1", "1x3x1", "2x4x1", "2x5x1"]
        let source = ReplayEnergySource(perUnit: Dictionary(uniqueKeysWithValues: zip(labels, Self.deltaGFN1 + [-14.2])),
                                        formulaUnitsPerCell: 4)
        let series = SupercellSeries.explicit(labels.map { SupercellMatrix(parsing: $0)! })
        let result = try BulkStudy(source: source, options: BulkStudyOptions(series: series)).run(delta)
        XCTAssertEqual(result.stop, .converged)
        XCTAssertEqual(result.points.map(\.supercell.label), ["1x2x1", "1x3x1", "2x4x1"])
        XCTAssertEqual(source.computed, ["1x2x1", "1x3x1", "2x4x1"])
        XCTAssertEqual(result.energyPerUnit!, -14.119765, accuracy: 1e-9)
        XCTAssertEqual(result.points[2].formulaUnits, 32)
    }

    func testDriverSaysWhenTheCapStopsIt() throws {
        let delta = try BulkSupercellTests.cell("delta")
        let source = ReplayEnergySource(perUnit: ["1x2x1": -14.285831, "1x3x1": -14.290699, "2x3x1": -14.2906],
                                        formulaUnitsPerCell: 4)
        let result = try BulkStudy(source: source, options: BulkStudyOptions(maxAtoms: 100)).run(delta)
        XCTAssertEqual(result.stop, .atomCap(next: "2x3x1", atoms: 120, cap: 100))
        XCTAssertFalse(result.converged)
        XCTAssertNil(result.energyPerUnit)
        XCTAssertEqual(result.bestEnergyPerUnit!, -14.290699, accuracy: 1e-9)
        XCTAssertTrue(result.stop.description.contains("exceeds the cap of 100 atoms"))
    }

    /// A size whose estimated time (previous time × (atoms ratio)³) overruns the budget is not started.
    func testDriverKeepsToTheTimeBudget() throws {
        let delta = try BulkSupercellTests.cell("delta")
        let source = ReplayEnergySource(perUnit: ["1x2x1": -14.285831, "1x3x1": -14.290699], formulaUnitsPerCell: 4,
                                        secondsPerAtom: 0.1)
        let result = try BulkStudy(source: source, options: BulkStudyOptions(timeBudget: 10)).run(delta)
        // 1x2x1 "took" 4 s; 1x3x1 is estimated at 4 × 1.5³ = 13.5 s > 10 s left.
        guard case let .timeBudget(next, atoms, estimate, _) = result.stop else {
            return XCTFail("expected a time-budget stop, got \(result.stop)")
        }
        XCTAssertEqual(next, "1x3x1")
        XCTAssertEqual(atoms, 60)
        XCTAssertEqual(estimate, 13.5, accuracy: 1e-9)
        XCTAssertEqual(source.computed, ["1x2x1"])
    }

    func testAFailedSizeEndsTheSeries() throws {
        let delta = try BulkSupercellTests.cell("delta")
        let source = ReplayEnergySource(perUnit: ["1x2x1": -14.285831], formulaUnitsPerCell: 4)
        let result = try BulkStudy(source: source).run(delta)
        guard case let .failed(supercell, message) = result.stop else { return XCTFail("\(result.stop)") }
        XCTAssertEqual(supercell, "1x3x1")
        XCTAssertTrue(message.contains("no recorded energy"), message)
        XCTAssertEqual(result.points.count, 1)
    }

    func testPhaseDifferencePerFormulaUnit() throws {
        let alpha = try BulkSupercellTests.cell("alpha")
        let delta = try BulkSupercellTests.cell("delta")
        let a = try BulkStudy(source: ReplayEnergySource(perUnit: ["4x4x4": -14.274737], formulaUnitsPerCell: 1),
                              options: BulkStudyOptions(series: .explicit([.diagonal(4, 4, 4)]))).run(alpha)
        let d = try BulkStudy(source: ReplayEnergySource(perUnit: ["2x4x1": -14.290433], formulaUnitsPerCell: 4),
                              options: BulkStudyOptions(series: .explicit([.diagonal(2, 4, 1)]))).run(delta)
        let difference = try XCTUnwrap(PhaseDifference.between(reference: a, phase: d))
        XCTAssertEqual(difference.unrelaxedKJPerMol, (-14.290433 + 14.274737) * Units.kJPerMolPerHartree, accuracy: 1e-9)
        XCTAssertEqual(difference.unrelaxedKJPerMol, -41.2, accuracy: 0.1)
        XCTAssertFalse(difference.bothConverged)   // one size each: nothing to agree with
        var water = alpha
        water.atomicNumbers = [8, 1, 1, 1, 1]
        let other = try BulkStudy(source: ReplayEnergySource(perUnit: ["4x4x4": -1], formulaUnitsPerCell: 1),
                                  options: BulkStudyOptions(series: .explicit([.diagonal(4, 4, 4)]))).run(water)
        XCTAssertNil(PhaseDifference.between(reference: a, phase: other))
    }
}

/// Energies per formula unit recorded elsewhere, returned by supercell label (no calculation).
final class ReplayEnergySource: BulkEnergySource {
    let perUnit: [String: Double]
    let formulaUnitsPerCell: Int
    let secondsPerAtom: Double
    private(set) var computed: [String] = []

    init(perUnit: [String: Double], formulaUnitsPerCell: Int, secondsPerAtom: Double = 0) {
        self.perUnit = perUnit
        self.formulaUnitsPerCell = formulaUnitsPerCell
        self.secondsPerAtom = secondsPerAtom
    }

    func validate(_ structure: Structure) throws {}

    func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        let label = String(supercell.name.dropFirst(cell.name.count + 1))
        guard let value = perUnit[label] else { throw EngineError(.backend, "no recorded energy for \(label)") }
        computed.append(label)
        let units = FormulaUnits.count(in: supercell)
        XCTAssertEqual(units, formulaUnitsPerCell * supercell.count / cell.count)
        return SupercellEnergy(energy: value * Double(units), seconds: secondsPerAtom * Double(supercell.count))
    }

    func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        throw EngineError(.backend, "replayed energies cannot relax")
    }
}
