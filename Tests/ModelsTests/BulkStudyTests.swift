import Engine
import Foundation
import Models
import Structures
import XCTest

/// Bulk studies with real tblite calculations on cells cheap enough for a unit test.
///
/// The small real case is a water molecule in a 5 Å cubic box (3 atoms per cell): its Γ-point
/// series converges at once (GFN2: 2x2x2 → fcc-2 moves 0.0014 kJ/mol, fcc-2 → bcc-2 0.0011),
/// so the default threshold stops at fcc-2 and a tight one runs into the atom cap.
final class BulkStudyTests: TBLiteStudyTestCase {
    /// H2O (ASE's geometry) centred in a 5 Å cubic box.
    static var waterBox: Structure {
        let centre = Vec3(2.5, 2.5, 2.5)
        return Structure(name: "water-box", atomicNumbers: [8, 1, 1],
                         positions: [Vec3(0, 0, 0.119262), Vec3(0, 0.763239, -0.477047), Vec3(0, -0.763239, -0.477047)]
                            .map { $0 + centre },
                         lattice: Lattice(vectors: [Vec3(5, 0, 0), Vec3(0, 5, 0), Vec3(0, 0, 5)]))
    }

    func testWaterSeriesConvergesWhereTheRuleSays() throws {
        let result = try BulkStudy(source: try source()).run(Self.waterBox)
        XCTAssertEqual(result.series, "cubic-even")
        XCTAssertEqual(result.points.map(\.supercell.label), ["2x2x2", "fcc-2"])
        XCTAssertEqual(result.stop, .converged)
        XCTAssertEqual(result.convergedIndex, 1)
        let change = try XCTUnwrap(result.points[1].changeKJPerMol)
        XCTAssertLessThan(abs(change), 0.5)
        XCTAssertEqual(change, ConvergenceRule.changes(result.points.map(\.energyPerUnit))[1]!)
        XCTAssertEqual(result.energyPerUnit, result.points[1].energyPerUnit)
        XCTAssertEqual(result.points[1].atoms, 48)
        XCTAssertEqual(result.points[1].formulaUnits, 16)
    }

    func testTightThresholdRunsIntoTheAtomCap() throws {
        let options = BulkStudyOptions(rule: ConvergenceRule(thresholdKJPerMol: 1e-4), maxAtoms: 50)
        let result = try BulkStudy(source: try source(), options: options).run(Self.waterBox)
        XCTAssertEqual(result.points.count, 2)
        XCTAssertFalse(result.converged)
        XCTAssertEqual(result.stop, .atomCap(next: "bcc-2", atoms: 96, cap: 50))
    }

    /// Our non-diagonal supercell (fcc-2) gives tblite the same energy as ASE's make_supercell.
    func testSupercellEnergyMatchesASEBuiltSupercell() throws {
        let source = try source()
        let supercell = try Supercell.build(Self.waterBox, matrix: .faceCentred(2))
        let ours = try source.energy(of: supercell, builtFrom: Self.waterBox).energy
        let theirs = try BulkTBLiteOracle.energy(of: Self.waterBox, matrix: SupercellMatrix.faceCentred(2).rows)
        XCTAssertEqual(ours, theirs, accuracy: 1e-9)
    }

    /// α-CsPbI3 2x2x2 (40 atoms) reproduces the tblite energy recorded in clusters/bulk/SOURCES.md.
    func testAlphaTwoByTwoByTwoMatchesRecordedReference() throws {
        let alpha = try BulkSupercellTests.cell("alpha")
        let options = BulkStudyOptions(series: .explicit([.diagonal(2, 2, 2)]))
        let result = try BulkStudy(source: try source(), options: options).run(alpha)
        XCTAssertEqual(result.points[0].energyPerUnit, -14.236690, accuracy: 5e-7)
        XCTAssertEqual(result.stop, .seriesExhausted)
    }

    /// Positions-only relaxation of a distorted water box: the energy falls, the cell stays,
    /// atom 1 stays, and the summary says what was relaxed.
    func testPositionsRelaxAtFixedCell() throws {
        var distorted = Self.waterBox
        distorted.positions[1] += Vec3(0.05, 0.08, -0.04)
        let options = BulkStudyOptions(series: .explicit([.diagonal(1, 1, 1)]), relax: true)
        let source = try source()
        let result = try BulkStudy(source: source, options: options).run(distorted)
        let relaxation = try XCTUnwrap(result.relaxation, result.relaxationFailure ?? "")
        XCTAssertTrue(relaxation.converged, relaxation.status)
        XCTAssertLessThan(relaxation.relaxationKJPerMol, -1)
        XCTAssertEqual(relaxation.relaxed, PositionRelaxation.description)
        XCTAssertEqual(result.relaxedEnergyPerUnit, relaxation.relaxedPerUnit)
        let relaxed = try source.relax(distorted, options: PositionRelaxation.options(for: distorted))
        XCTAssertEqual(relaxed.structure.lattice, distorted.lattice)
        XCTAssertEqual(relaxed.structure.positions[0], distorted.positions[0])
    }
}
