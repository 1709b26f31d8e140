import Foundation
import XCTest
@testable import Structures

final class POSCARFormatTests: XCTestCase {
    let alphaDirect = """
    alpha CsPbI3
       1.0
         6.2894 0.0 0.0
         0.0 6.2894 0.0
         0.0 0.0 6.2894
       Cs Pb I
       1 1 3
    Direct
      0.5 0.5 0.5
      0.0 0.0 0.0
      0.5 0.0 0.0
      0.0 0.5 0.0
      0.0 0.0 0.5

      0.0 0.0 0.0
    """

    func testDirect() throws {
        let s = try POSCARFormat.read(alphaDirect)
        assertSameStructure(s, Samples.alpha, accuracy: 1e-12)
        XCTAssertEqual(s.lattice?.pbc, [true, true, true])
    }

    func testScaleSelectiveDynamicsCartesianAndVolume() throws {
        let cartesian = """
        scaled, selective, Cartesian charge=1 multiplicity=2
        2.0
        3.1447 0 0
        0 3.1447 0
        0 0 3.1447
        Cs_sv Pb_d/abc I
        1 1 3
        Selective dynamics
        Cartesian
        1.57235 1.57235 1.57235 T T T
        0 0 0 F F F
        1.57235 0 0 T T T
        0 1.57235 0 T T T
        0 0 1.57235 T T T
        """
        let s = try POSCARFormat.read(cartesian)
        assertSameStructure(s, Structure(name: "", atomicNumbers: Samples.alpha.atomicNumbers, positions: Samples.alpha.positions,
                                         charge: 1, multiplicity: 2, lattice: Samples.alpha.lattice), accuracy: 1e-12)
        let volume = alphaDirect.replacingOccurrences(of: "   1.0\n", with: "   -2000.0\n")
        let v = try POSCARFormat.read(volume)
        XCTAssertEqual(v.lattice!.volume, 2000, accuracy: 1e-9)
        XCTAssertEqual(v.positions[0].x, v.lattice!.vectors[0].x / 2, accuracy: 1e-12)
    }

    func testRoundTrip() throws {
        var s = Samples.random(count: 20, seed: 3)
        s.atomicNumbers.sort()          // POSCAR groups atoms by element
        s.name = "random cell"
        let back = try POSCARFormat.read(POSCARFormat.render(s))
        assertSameStructure(back, Structure(name: "", atomicNumbers: s.atomicNumbers, positions: s.positions,
                                            charge: s.charge, multiplicity: s.multiplicity,
                                            lattice: Lattice(vectors: s.lattice!.vectors)), accuracy: 1e-9)
    }

    func testRenderGroupsByElement() throws {
        let mixed = Structure(name: "", atomicNumbers: [53, 55, 53], positions: [Vec3(1, 0, 0), Vec3(2, 0, 0), Vec3(3, 0, 0)],
                              lattice: Samples.alpha.lattice)
        let back = try POSCARFormat.read(POSCARFormat.render(mixed))
        XCTAssertEqual(back.atomicNumbers, [53, 53, 55])
        XCTAssertEqual(back.positions.map(\.x), [1, 3, 2])
        assertThrows(.unsupportedFormat, try POSCARFormat.render(Samples.water))
    }

    func testFileNames() throws {
        let dir = try temporaryDirectory(self)
        for name in ["POSCAR", "CONTCAR_relaxed", "alpha.vasp"] {
            let path = dir.appendingPathComponent(name).path
            try StructureFile.write(Samples.alpha, to: path)
            XCTAssertEqual(StructureFile.format(of: path), .poscar)
            XCTAssertEqual(try StructureFile.read(path: path).count, 5)
        }
        XCTAssertNil(StructureFile.format(of: "notes.txt"))
    }
}
