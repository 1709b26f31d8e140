import Engine
import Foundation
import Optimization
import Structures
import XCTest
import XTBOracle

/// The optimiser with the real libxtb engine, against `xtb --opt` on the same starting geometry.
final class OptimizationTests: XCTestCase {
    nonisolated(unsafe) static var calculator: XTBCalculator?

    override class func setUp() {
        ThreadControl.apply(threads: 1)
        calculator = try? XTBCalculator()
    }

    private var calc: XTBCalculator { Self.calculator! }

    // MARK: - Same minimum as xtb

    /// Small molecules and complexes from perturbed geometries: final energy within 1e-5 Eh of
    /// `xtb --opt` at the same level, from the same coordinates.
    func testSameMinimumAsXTBOnFragments() throws {
        _ = try XTBBinaryOracle.binary
        let cases: [(String, ConvergenceLevel)] = [
            ("water", .normal), ("HIm", .normal), ("imidazolium", .normal), ("PbI3-anion", .normal),
            ("Cs4PbI6", .tight), ("Zn-Im2-HIm2", .vtight),
        ]
        for (name, level) in cases {
            let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment(name))
            let ours = try Optimizer(calculator: calc, settings: Settings(), options: .init(level: level)).optimize(start)
            let xtb = try OptimizationOracle.optimize(start, level: level.rawValue)
            XCTAssertTrue(ours.converged, "\(name): \(ours.status)")
            XCTAssertTrue(xtb.converged, "\(name): xtb did not converge")
            XCTAssertEqual(ours.result.energy, xtb.energy, accuracy: 1e-5,
                           "\(name) at \(level): ours \(ours.result.energy) after \(ours.gradientEvaluations) gradients, "
                               + "xtb \(xtb.energy) after \(xtb.cycles ?? -1) cycles")
            // The stored energy is a plain single point of the returned geometry, bit for bit.
            let again = try calc.singlePoint(ours.structure, settings: Settings())
            XCTAssertEqual(again.energy, ours.result.energy, "\(name): outcome energy is not the single point's")
        }
    }

    // MARK: - Levels

    func testLevelThresholdsAreXTBs() {
        let table: [(ConvergenceLevel, Double, Double, Int)] = [
            (.crude, 5e-4, 1e-2, 1), (.sloppy, 1e-4, 6e-3, 1), (.loose, 5e-5, 4e-3, 2), (.lax, 2e-5, 2.5e-3, 2),
            (.normal, 5e-6, 1e-3, 3), (.tight, 1e-6, 8e-4, 5), (.vtight, 1e-7, 2e-4, 20), (.extreme, 5e-8, 5e-5, 20),
        ]
        XCTAssertEqual(ConvergenceLevel.allCases.count, table.count)
        for (level, e, g, perAtom) in table {
            XCTAssertEqual(level.energyThreshold, e, "\(level)")
            XCTAssertEqual(level.gradientThreshold, g, "\(level)")
            XCTAssertEqual(level.cyclesPerAtom, perAtom, "\(level)")
            XCTAssertEqual(ConvergenceLevel(name: level.rawValue.uppercased()), level)
        }
        XCTAssertEqual(ConvergenceLevel.default, .normal)
        XCTAssertEqual(ConvergenceLevel.normal.maxCycles(atoms: 3), 200)
        XCTAssertEqual(ConvergenceLevel.normal.maxCycles(atoms: 75), 225)
        XCTAssertEqual(ConvergenceLevel.vtight.maxCycles(atoms: 35), 700)
        XCTAssertEqual(ConvergenceLevel.extreme.maxCycles(atoms: 1000), 10_000)
        XCTAssertNil(ConvergenceLevel(name: "medium"))
    }

    /// The thresholds and cycle caps are those the binary prints in ANCopt's SETUP block.
    func testLevelThresholdsMatchTheBinary() throws {
        _ = try XTBBinaryOracle.binary
        let water = try OptimizationOracle.fragment("water")
        for level in ConvergenceLevel.allCases {
            let out = try OptimizationOracle.optimize(water, level: level.rawValue)
            let setup = try XCTUnwrap(OptimizationOracle.setup(out.stdout), "\(level): no SETUP block")
            XCTAssertEqual(setup.energy, level.energyThreshold, accuracy: level.energyThreshold * 1e-6, "\(level)")
            XCTAssertEqual(setup.gradient, level.gradientThreshold, accuracy: level.gradientThreshold * 1e-6, "\(level)")
            XCTAssertEqual(setup.cycles, level.maxCycles(atoms: water.count), "\(level)")
        }
        let zn = try OptimizationOracle.fragment("Zn-Im2-HIm2")
        for level in [ConvergenceLevel.loose, .vtight] {
            let out = try OptimizationOracle.optimize(zn, level: level.rawValue)
            XCTAssertEqual(OptimizationOracle.setup(out.stdout)?.cycles, level.maxCycles(atoms: zn.count), "\(level)")
        }
    }

    func testCycleCapStopsWithTheBestGeometry() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("HIm"), amplitude: 0.15)
        let outcome = try Optimizer(calculator: calc, settings: Settings(), options: .init(maxCycles: 3)).optimize(start)
        XCTAssertEqual(outcome.status, .maxCycles)
        XCTAssertFalse(outcome.converged)
        XCTAssertEqual(outcome.cycles, 3)
        XCTAssertEqual(outcome.steps.count, 3)
        let lowest = outcome.steps.compactMap(\.energy).min()!
        XCTAssertEqual(outcome.result.energy, lowest)
        XCTAssertTrue(outcome.notes.joined().contains("not converged"), "\(outcome.notes)")
    }

    // MARK: - Frozen atoms

    func testFrozenAtomsDoNotMoveToTheBit() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("Cs4PbI6"), amplitude: 0.1)
        let spec = try FreezeSpec(parsing: "Pb;1-3")   // Pb is atom 1, then three iodides
        let frozen = try spec.frozenAtoms(in: start)
        XCTAssertEqual(frozen, [0, 1, 2])
        let outcome = try Optimizer(calculator: calc, settings: Settings(),
                                    options: .init(frozenAtoms: frozen)).optimize(start)
        XCTAssertTrue(outcome.converged, "\(outcome.status)")
        for i in 0..<start.count {
            if frozen.contains(i) {
                XCTAssertEqual(outcome.structure.positions[i], start.positions[i], "frozen atom \(i + 1) moved")
                for step in outcome.steps { XCTAssertEqual(step.positions[i], start.positions[i]) }
            } else {
                XCTAssertNotEqual(outcome.structure.positions[i], start.positions[i], "free atom \(i + 1) did not move")
            }
        }
        // Converged on the free atoms' gradient only.
        let free = (0..<start.count).filter { !frozen.contains($0) }
        let freeNorm = free.map { outcome.result.gradient[$0].reduce(0) { $0 + $1 * $1 } }.reduce(0, +).squareRoot()
        XCTAssertEqual(outcome.gradientNorm, freeNorm, accuracy: 1e-12)
        XCTAssertLessThan(freeNorm, ConvergenceLevel.normal.gradientThreshold)
    }

    func testFreezeSpecSyntax() throws {
        let s = Structure(name: "t", atomicNumbers: [82, 53, 53, 55, 1],
                          positions: [Vec3(0, 0, 0), Vec3(3, 0, 0), Vec3(-3, 0, 0), Vec3(0, 10, 0), Vec3(0, 0, 2)])
        XCTAssertEqual(try FreezeSpec(parsing: "1-2,5").frozenAtoms(in: s), [0, 1, 4])
        XCTAssertEqual(try FreezeSpec(parsing: "I,Cs").frozenAtoms(in: s), [1, 2, 3])
        XCTAssertEqual(try FreezeSpec(parsing: "elements:pb").frozenAtoms(in: s), [0])
        XCTAssertEqual(try FreezeSpec(parsing: "far:5:point=0,0,0").frozenAtoms(in: s), [3])
        XCTAssertEqual(try FreezeSpec(parsing: "far:2.5:atoms=1").frozenAtoms(in: s), [1, 2, 3])
        // H at (0,0,2) is √13 = 3.61 Å from both I: farther than 3.5 from every I, so frozen too.
        XCTAssertEqual(try FreezeSpec(parsing: "far:3.5:atoms=I").frozenAtoms(in: s), [3, 4])
        XCTAssertEqual(try FreezeSpec(parsing: "far:4:center").frozenAtoms(in: s), [3])
        XCTAssertEqual(try FreezeSpec(parsing: ["1", "far:5:point=0,0,0 ; H"]).frozenAtoms(in: s), [0, 3, 4])
        XCTAssertEqual(try FreezeSpec(parsing: "").frozenAtoms(in: s), [])
        XCTAssertEqual(try FreezeSpec(parsing: "atoms:1-2;far:5:point=0,0.5,0").description, "1-2;far:5:point=0,0.5,0")
        for bad in ["0", "3-1", "Xx", "far:x:center", "far:2:point=1,2", "far:2:somewhere", "1-2-3"] {
            XCTAssertThrowsError(try FreezeSpec(parsing: bad), bad)
        }
        XCTAssertThrowsError(try FreezeSpec(parsing: "6").frozenAtoms(in: s))
    }

    func testIdentityDependsOnFrozenAtomsByContentNotSpelling() throws {
        let s = try OptimizationOracle.fragment("Cs4PbI6")
        let byElement = OptimizationIdentity(structure: s, options: .init(frozenAtoms: try FreezeSpec(parsing: "Pb").frozenAtoms(in: s)))
        let byIndex = OptimizationIdentity(structure: s, options: .init(frozenAtoms: [0]))
        let none = OptimizationIdentity(structure: s, options: .init())
        let tight = OptimizationIdentity(structure: s, options: .init(level: .tight))
        XCTAssertEqual(byElement.hash, byIndex.hash)
        XCTAssertNotEqual(byIndex.hash, none.hash)
        XCTAssertNotEqual(none.hash, tight.hash)
        XCTAssertEqual(none.constraintsKey, "none")
        // Atom order does not matter, as for the structure hash.
        var reversed = s
        reversed.atomicNumbers.reverse()
        reversed.positions.reverse()
        let reversedPb = OptimizationIdentity(structure: reversed, options: .init(frozenAtoms: [s.count - 1]))
        XCTAssertEqual(reversedPb.hash, byIndex.hash)
    }

    // MARK: - SCC failures along the path

    /// The real engine, made to fail at chosen evaluations (as a non-converged SCC would).
    final class FailingCalculator: Calculator {
        let inner: XTBCalculator
        /// Evaluation numbers (1-based, retries included) that throw.
        let failAt: (Int) -> Bool
        var evaluations = 0

        init(_ inner: XTBCalculator, failAt: @escaping (Int) -> Bool) {
            self.inner = inner
            self.failAt = failAt
        }

        var engineVersion: String { inner.engineVersion }
        func validate(_ structure: Structure, settings: Settings) throws { try inner.validate(structure, settings: settings) }
        func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
            evaluations += 1
            if failAt(evaluations) {
                throw EngineError(.sccNotConverged, "test: SCC not converged in \(settings.maxIterations) iterations")
            }
            return try inner.singlePoint(structure, settings: settings)
        }
    }

    func testSCCFailureMidPathIsRetriedAndRecorded() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("HIm"))
        let failing = FailingCalculator(calc) { $0 == 4 }
        let outcome = try Optimizer(calculator: failing, settings: Settings(), options: .init()).optimize(start)
        XCTAssertTrue(outcome.converged, "\(outcome.status)")
        XCTAssertEqual(outcome.failedEvaluations, 1)
        XCTAssertEqual(outcome.raisedMaxIterations, 1000)
        let retried = outcome.steps.filter { $0.sccIterationLimit != nil }
        XCTAssertEqual(retried.count, 1)
        XCTAssertEqual(retried.first?.cycle, 4)
        XCTAssertTrue(retried.first?.note?.contains("retried with 1000") ?? false, "\(String(describing: retried.first?.note))")
        XCTAssertTrue(outcome.notes.joined().contains("1000 iterations"), "\(outcome.notes)")
        // The retry does not change the path: same result as without the failure.
        let clean = try Optimizer(calculator: calc, settings: Settings(), options: .init()).optimize(start)
        XCTAssertEqual(clean.result.energy, outcome.result.energy)
        XCTAssertEqual(clean.cycles, outcome.cycles)
    }

    func testGeometryWhoseSCCNeverConvergesIsAvoided() throws {
        // Evaluation 3 and its retry fail: that geometry is rejected, the trust radius shrinks,
        // and the optimisation still converges.
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("HIm"))
        let failing = FailingCalculator(calc) { $0 == 3 || $0 == 4 }
        let outcome = try Optimizer(calculator: failing, settings: Settings(), options: .init()).optimize(start)
        XCTAssertTrue(outcome.converged, "\(outcome.status)")
        XCTAssertEqual(outcome.failedEvaluations, 2)
        let failed = try XCTUnwrap(outcome.steps.first { $0.energy == nil })
        XCTAssertFalse(failed.accepted)
        XCTAssertTrue(failed.note?.contains("calculation failed") ?? false)
        let next = outcome.steps[failed.cycle]   // the cycle after the failed one
        XCTAssertLessThan(next.trustRadius, failed.trustRadius)
    }

    func testSCCFailingForGoodEndsWithAClearOutcome() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("HIm"), amplitude: 0.15)
        let failing = FailingCalculator(calc) { $0 >= 4 }
        let outcome = try Optimizer(calculator: failing, settings: Settings(), options: .init()).optimize(start)
        XCTAssertEqual(outcome.status, .sccFailure)
        XCTAssertFalse(outcome.converged)
        XCTAssertEqual(outcome.gradientEvaluations, 3)
        XCTAssertEqual(outcome.steps.filter { $0.energy == nil }.count, 3)
        // The best geometry reached, with its own energy.
        let best = outcome.steps.filter { $0.energy != nil }.min { $0.energy! < $1.energy! }!
        XCTAssertEqual(outcome.result.energy, best.energy)
        XCTAssertEqual(outcome.structure.positions, best.positions)
    }

    func testLowIterationLimitFailsAndTheRetrySucceeds() throws {
        // 3 SCC iterations are too few for the Zn complex: every geometry fails first, then
        // converges with the raised limit; the outcome says so.
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("Zn-Im2-HIm2"), amplitude: 0.02)
        let settings = Settings(maxIterations: 3)
        let outcome = try Optimizer(calculator: calc, settings: settings,
                                    options: .init(level: .loose, sccRetryIterations: 300)).optimize(start)
        XCTAssertTrue(outcome.converged, "\(outcome.status)")
        XCTAssertEqual(outcome.raisedMaxIterations, 300)
        XCTAssertEqual(outcome.failedEvaluations, outcome.gradientEvaluations)
        XCTAssertTrue(outcome.steps.allSatisfy { $0.sccIterationLimit == 300 })
    }

    func testFailureAtTheStartThrows() throws {
        let zn = try OptimizationOracle.fragment("Zn-Im2-HIm2")
        XCTAssertThrowsError(try Optimizer(calculator: calc, settings: Settings(maxIterations: 1),
                                           options: .init(sccRetryIterations: 2)).optimize(zn)) { error in
            XCTAssertEqual((error as? EngineError)?.kind, .sccNotConverged, "\(error)")
        }
    }

    // MARK: - Determinism and sessions

    func testSameInputSamePathBitForBit() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("imidazolium"))
        let a = try Optimizer(calculator: calc, settings: Settings()).optimize(start)
        let b = try Optimizer(calculator: calc, settings: Settings()).optimize(start)
        XCTAssertEqual(a.steps.map(\.energy), b.steps.map(\.energy))
        XCTAssertEqual(a.structure.positions, b.structure.positions)
    }

    func testFreshSessionEqualsSinglePoints() throws {
        let water = try OptimizationOracle.fragment("water")
        let session = try calc.makeSession(for: water, settings: Settings(), reuseWavefunction: false)
        XCTAssertFalse(session.carriesState)
        let moved = OptimizationOracle.perturbed(water).positions
        let viaSession = try session.evaluate(positions: moved, maxIterations: nil)
        var s = water
        s.positions = moved
        XCTAssertEqual(viaSession.energy, try calc.singlePoint(s, settings: Settings()).energy)
    }

    func testRestartSessionCarriesStateAndResets() throws {
        let zn = try OptimizationOracle.fragment("Zn-Im2-HIm2")
        let session = try calc.makeSession(for: zn, settings: Settings(), reuseWavefunction: true)
        XCTAssertTrue(session.carriesState)
        let first = try session.evaluate(positions: zn.positions, maxIterations: nil)
        let fresh = try calc.singlePoint(zn, settings: Settings())
        XCTAssertEqual(first.energy, fresh.energy)   // nothing to restart from yet
        let moved = OptimizationOracle.perturbed(zn, amplitude: 0.01)
        let restarted = try session.evaluate(positions: moved.positions, maxIterations: nil)
        let reference = try calc.singlePoint(moved, settings: Settings())
        XCTAssertEqual(restarted.energy, reference.energy, accuracy: 1e-6)   // same solution, other path
        session.reset()
        let afterReset = try session.evaluate(positions: moved.positions, maxIterations: nil)
        XCTAssertEqual(afterReset.energy, reference.energy)   // fresh again: bit for bit
        // GFN-FF has no SCC: a restart session falls back to fresh single points.
        XCTAssertFalse(try calc.makeSession(for: zn, settings: Settings(method: .gfnff), reuseWavefunction: true).carriesState)
    }

    func testOptimizerWorksWithTheRestartSession() throws {
        let start = OptimizationOracle.perturbed(try OptimizationOracle.fragment("HIm"))
        let outcome = try Optimizer(calculator: calc, settings: Settings(),
                                    options: .init(reuseWavefunction: true)).optimize(start)
        XCTAssertTrue(outcome.converged)
        let fresh = try Optimizer(calculator: calc, settings: Settings()).optimize(start)
        XCTAssertEqual(outcome.result.energy, fresh.result.energy, accuracy: 1e-5)
    }

    func testAlreadyConvergedStartTakesOneCycle() throws {
        let water = try OptimizationOracle.fragment("water")
        let outcome = try Optimizer(calculator: calc, settings: Settings()).optimize(water)
        XCTAssertTrue(outcome.converged)
        XCTAssertEqual(outcome.cycles, 1)
        XCTAssertEqual(outcome.gradientEvaluations, 1)
        XCTAssertEqual(outcome.structure.positions, water.positions)
    }
}
