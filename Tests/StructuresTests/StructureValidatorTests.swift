import Foundation
import XCTest
@testable import Structures

final class StructureValidatorTests: XCTestCase {
    private func validate(_ s: Structure, minDistance: Double = 0.5) throws {
        try StructureValidator.validate(s, file: "test.xyz", allowedElements: 1...86, methodName: "GFN2-xTB",
                                        minDistance: minDistance)
    }

    func testGoodStructuresPass() throws {
        try validate(Samples.water)
        try validate(Samples.alpha)
        try validate(StructureFile.read(path: Fixtures.path("CsPbI3-delta.cif")))
    }

    func testUnsupportedElement() {
        let s = Structure(name: "", atomicNumbers: [53, 53, 87], positions: [.zero, Vec3(0, 0, 3), Vec3(0, 0, 6)])
        let error = assertThrows(.unsupportedElement, try validate(s))
        XCTAssertEqual(error?.message, "Fr (Z=87) at atom 3 is not supported by GFN2-xTB (Z = 1–86)")
        XCTAssertEqual(error?.atom, 3)
        assertThrows(.unsupportedElement, try StructureValidator.validate(Samples.alpha, file: "a", allowedElements: 1...54,
                                                                          methodName: "GFN-FF"))
    }

    func testElectronCounts() {
        var methyl = Structure(name: "", atomicNumbers: [6, 1, 1, 1],
                               positions: [.zero, Vec3(1.08, 0, 0), Vec3(-0.54, 0.935, 0), Vec3(-0.54, -0.935, 0)])
        let odd = assertThrows(.electronCount, try validate(methyl))
        XCTAssertEqual(odd?.message, "odd electron count 9 with multiplicity 1: give multiplicity=2 (uhf=1) or change the charge")
        methyl.multiplicity = 2
        XCTAssertNoThrow(try validate(methyl))
        methyl.multiplicity = 4
        XCTAssertNoThrow(try validate(methyl))
        methyl.multiplicity = 3
        assertThrows(.electronCount, try validate(methyl))
        methyl.multiplicity = 0
        assertThrows(.electronCount, try validate(methyl))
        methyl.multiplicity = 12
        assertThrows(.electronCount, try validate(methyl))
        methyl.multiplicity = 1
        methyl.charge = -1
        XCTAssertNoThrow(try validate(methyl))
        methyl.charge = 20
        assertThrows(.electronCount, try validate(methyl))
        methyl.charge = 5   // 4 electrons left, |charge| 5 > 4
        assertThrows(.electronCount, try validate(methyl))
    }

    func testNonFiniteAndEmpty() {
        var s = Samples.water
        s.positions[1].y = .nan
        XCTAssertEqual(assertThrows(.nonFiniteCoordinate, try validate(s))?.atom, 2)
        assertThrows(.emptyFile, try validate(Structure(name: "", atomicNumbers: [], positions: [])))
    }

    func testCloseContactsUseMinimumImage() {
        let cell = Lattice(vectors: [Vec3(6.3, 0, 0), Vec3(0, 6.3, 0), Vec3(0, 0, 6.3)])
        var s = Structure(name: "", atomicNumbers: [1, 1], positions: [Vec3(0.05, 1, 1), Vec3(6.2, 1, 1)],
                          multiplicity: 1, lattice: cell)
        let error = assertThrows(.atomsTooClose, try validate(s))
        XCTAssertEqual(error?.message, "atoms 1 (H) and 2 (H) are 0.15 Å apart, closer than 0.5 Å")
        s.lattice = nil
        XCTAssertNoThrow(try validate(s))
        let tiny = Structure(name: "", atomicNumbers: [2], positions: [.zero],
                             lattice: Lattice(vectors: [Vec3(0.4, 0, 0), Vec3(0, 5, 0), Vec3(0, 0, 5)]))
        assertThrows(.atomsTooClose, try validate(tiny))
    }

    /// The cell list agrees with brute force on random skewed cells, periodic or not.
    func testCloseContactsMatchBruteForce() {
        for seed in UInt64(0)..<12 {
            let s = Samples.random(count: 60, seed: seed, periodic: seed % 3 != 0)
            let lattice: Lattice? = seed % 4 == 1 ? nil : s.lattice
            let cutoff = 1.2
            let found = CloseContacts(positions: s.positions, lattice: lattice, cutoff: cutoff).closestPair()
            var best: (Int, Int, Double)?
            var pairs = 0
            for i in s.positions.indices {
                for j in (i + 1)..<s.count {
                    let d = lattice.map { length($0.minimumImage(from: s.positions[i], to: s.positions[j])) }
                        ?? length(s.positions[j] - s.positions[i])
                    if d < cutoff { pairs += 1; if best.map({ d < $0.2 }) ?? true { best = (i, j, d) } }
                }
            }
            XCTAssertEqual(found?.i, best?.0, "seed \(seed)")
            XCTAssertEqual(found?.j, best?.1, "seed \(seed)")
            XCTAssertEqual(found?.pairs ?? 0, pairs, "seed \(seed)")
        }
    }

    /// 10 000 atoms on a jittered grid (periodic and not) validate, and the one close pair is found.
    /// (How the time grows with size is bench/validate's business, not a unit test's.)
    func testTenThousandAtoms() throws {
        var rng = SplitMix(seed: 1)
        let n = 22   // 22³ = 10 648 atoms
        var positions: [Vec3] = []
        for i in 0..<n { for j in 0..<n { for k in 0..<n {
            positions.append(Vec3(Double(i), Double(j), Double(k)) * 1.5 + Vec3(rng.unit(), rng.unit(), rng.unit()) * 0.2)
        } } }
        let side = Double(n) * 1.5
        var s = Structure(name: "", atomicNumbers: Array(repeating: 2, count: positions.count), positions: positions,
                          lattice: Lattice(vectors: [Vec3(side, 0, 0), Vec3(0, side, 0), Vec3(0, 0, side)]))
        try validate(s)
        s.lattice = nil
        try validate(s)
        s.positions[5000] = s.positions[5001] + Vec3(0.3, 0, 0)
        let error = assertThrows(.atomsTooClose, try validate(s))
        XCTAssertEqual(error?.atom, 5001)
    }
}
