import XCTest
@testable import Structures

final class XYZFormatTests: XCTestCase {
    func testPlainXYZ() throws {
        let frame = try XYZFormat.read("3\n  a water molecule \nO 0 0 0.1173\nh 0 0.7572 -0.4692\n1 0 -0.7572 -0.4692 extra\n\n")
        XCTAssertEqual(frame.structure.atomicNumbers, [8, 1, 1])
        XCTAssertEqual(frame.structure.positions[2], Vec3(0, -0.7572, -0.4692))
        XCTAssertNil(frame.structure.lattice)
        XCTAssertEqual(frame.info, ["comment": "a water molecule"])
        XCTAssertEqual(frame.structure.charge, 0)
        XCTAssertEqual(frame.structure.multiplicity, 1)
    }

    func testExtendedKeysQuotesAndColumns() throws {
        let text = """
        2
        Properties=id:I:1:pos:R:3:forces:R:3:species:S:1 uhf=1 charge=-1 note="two words" eq = 'a=b' flag Lattice="5 0 0 0 6 0 0 0 7" pbc="T F T"
        7 1.0 2.0 3.0 0 0 0 Pb
        8 4.0 5.0 6.0 0 0 0 i
        """
        let frame = try XYZFormat.read(text)
        let s = frame.structure
        XCTAssertEqual(s.atomicNumbers, [82, 53])
        XCTAssertEqual(s.positions, [Vec3(1, 2, 3), Vec3(4, 5, 6)])
        XCTAssertEqual(s.multiplicity, 2)
        XCTAssertEqual(s.charge, -1)
        XCTAssertEqual(s.lattice, Lattice(vectors: [Vec3(5, 0, 0), Vec3(0, 6, 0), Vec3(0, 0, 7)], pbc: [true, false, true]))
        XCTAssertEqual(frame.info, ["note": "two words", "eq": "a=b", "flag": "T"])
    }

    func testLatticeWithoutPbcIsPeriodicAndSpinConflictsAreErrors() throws {
        let s = try XYZFormat.read("1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nH 0 0 0\n").structure
        XCTAssertEqual(s.lattice?.pbc, [true, true, true])
        assertThrows(.syntax, line: 2, try XYZFormat.read("1\nmultiplicity=3 uhf=1\nH 0 0 0\n"))
        assertThrows(.syntax, line: 2, try XYZFormat.read("1\nLattice=\"3 0 0 0 3 0 0 0\"\nH 0 0 0\n"))
        assertThrows(.syntax, line: 2, try XYZFormat.read("1\ncharge=one\nH 0 0 0\n"))
        assertThrows(.syntax, line: 3, try XYZFormat.read("1\nProperties=species:S:1:pos:R:3:q:R:1\nH 0 0 0\n"))
        assertThrows(.syntax, line: 7, try XYZFormat.read("1\n\nH 0 0 0\n1\n\nH 0 0 0\nH 1 1 1\n"))
    }

    func testExtendedRoundTrip() throws {
        for s in [Samples.random(count: 30, seed: 7), Samples.random(count: 5, seed: 8, periodic: false), Samples.water] {
            let text = ExtendedXYZ.render(s, info: [("energy", "-5.07"), ("hash", "abc def")])
            let frame = try XYZFormat.read(text)
            assertSameStructure(frame.structure, s, accuracy: 0)
            XCTAssertEqual(frame.info, ["energy": "-5.07", "hash": "abc def"])
        }
    }

    func testHeaderLayout() {
        let header = ExtendedXYZ.render(Samples.alpha, info: [("energy", "-5.07"), ("hash", "h1"), ("charge", "9")])
            .split(separator: "\n")[1]
        XCTAssertEqual(header, "Lattice=\"6.2894 0.0 0.0 0.0 6.2894 0.0 0.0 0.0 6.2894\" pbc=\"T T T\" charge=0 "
                       + "multiplicity=1 Properties=species:S:1:pos:R:3 energy=-5.07 hash=h1")
    }

    func testMultiFrame() throws {
        let structures = (0..<3).map { Samples.random(count: 4 + $0, seed: UInt64($0)) }
        let text = structures.enumerated().map { ExtendedXYZ.render($1, info: [("step", "\($0)")]) }.joined()
        let frames = try XYZFormat.readAll(text, file: "traj.extxyz")
        XCTAssertEqual(frames.count, 3)
        for (frame, s) in zip(frames, structures) { assertSameStructure(frame.structure, s, accuracy: 0) }
        XCTAssertEqual(frames.map { $0.info["step"] }, ["0", "1", "2"])
        XCTAssertEqual(try XYZFormat.read(text).structure.count, 4)
    }

    func testPlainRender() throws {
        let text = XYZFormat.render(Samples.water, comment: "two\nlines")
        XCTAssertEqual(text.split(separator: "\n")[1], "two lines")
        assertSameStructure(try XYZFormat.read(text).structure, Samples.water, accuracy: 0)
    }

    func testSharedExtxyzFile() throws {
        let s = try StructureFile.read(path: Fixtures.path("CsPbI3-alpha.extxyz"))
        XCTAssertEqual(s.name, "CsPbI3-alpha")
        XCTAssertEqual(s.formula, "CsI3Pb")
        XCTAssertEqual(s.lattice?.vectors[0], Vec3(6.2894, 0, 0))
        let frame = try XYZFormat.read(String(contentsOfFile: Fixtures.path("CsPbI3-alpha.extxyz"), encoding: .utf8))
        XCTAssertEqual(frame.info["spacegroup"], "P m -3 m")
    }

    func testFileRoundTripThroughStructureFile() throws {
        let dir = try temporaryDirectory(self)
        let s = Samples.random(count: 12, seed: 99)
        for name in ["a.xyz", "b.extxyz"] {
            let path = dir.appendingPathComponent(name).path
            try StructureFile.write(s, to: path)
            let back = try StructureFile.read(path: path)
            assertSameStructure(back, s, accuracy: 0)
            XCTAssertEqual(back.name, String(name.prefix(1)))
        }
        assertThrows(.unsupportedFormat, try StructureFile.write(s, to: dir.appendingPathComponent("c.cif").path))
        assertThrows(.unreadable, try StructureFile.read(path: dir.appendingPathComponent("missing.xyz").path))
    }
}
