import XCTest
@testable import Structures

final class CIFFormatTests: XCTestCase {
    func testSharedCIFsExpandToFullCells() throws {
        let expected = ["CsPbI3-alpha": 5, "CsPbI3-gamma": 20, "CsPbI3-delta": 20, "CsPbI3-delta-dft-cell": 20]
        for (name, count) in expected {
            let s = try StructureFile.read(path: Fixtures.path(name + ".cif"))
            XCTAssertEqual(s.count, count, name)
            XCTAssertEqual(s.name, name)
            XCTAssertEqual(s.formula, count == 5 ? "CsI3Pb" : "Cs4I12Pb4", name)
        }
    }

    /// The CIF cells hold the same sites as the extxyz full cells (modulo lattice translations).
    func testCrossCheckWithExtxyz() throws {
        for name in ["CsPbI3-alpha", "CsPbI3-gamma", "CsPbI3-delta"] {
            let cif = try StructureFile.read(path: Fixtures.path(name + ".cif"))
            let xyz = try StructureFile.read(path: Fixtures.path(name + ".extxyz"))
            for (u, v) in zip(cif.lattice!.vectors, xyz.lattice!.vectors) { XCTAssertLessThan(maxDifference(u, v), 1e-9) }
            assertSameSites(cif, xyz, tolerance: 1e-3, name)
        }
        // The DFT cell has the δ sites in a larger cell: same fractional coordinates.
        let dft = try StructureFile.read(path: Fixtures.path("CsPbI3-delta-dft-cell.cif"))
        let delta = try StructureFile.read(path: Fixtures.path("CsPbI3-delta.extxyz"))
        let rescaled = Structure(name: "", atomicNumbers: delta.atomicNumbers,
                                 positions: delta.positions.map { dft.lattice!.cartesian(fromFractional: delta.lattice!.fractional(fromCartesian: $0)) },
                                 lattice: dft.lattice)
        assertSameSites(dft, rescaled, tolerance: 1e-3, "delta-dft-cell")
    }

    func testRealSpaceGroups() throws {
        let alpha = try StructureFile.read(path: Fixtures.path("CsPbI3-alpha-Pm-3m.cif"))
        XCTAssertEqual(alpha.count, 5)
        XCTAssertEqual(alpha.lattice?.vectors, [Vec3(6.2894, 0, 0), Vec3(0, 6.2894, 0), Vec3(0, 0, 6.2894)])
        assertSameSites(alpha, Samples.alpha, tolerance: 1e-9, "Pm-3m")

        let nacl = try StructureFile.read(path: Fixtures.path("NaCl-Fm-3m.cif"))
        XCTAssertEqual(nacl.count, 8)
        XCTAssertEqual(nacl.formula, "Cl4Na4")
        XCTAssertEqual(nacl.atomicNumbers.filter { $0 == 11 }.count, 4)
        let shortest = (1..<8).map { length(nacl.lattice!.minimumImage(from: nacl.positions[0], to: nacl.positions[$0])) }.min()!
        XCTAssertEqual(shortest, 5.6402 / 2, accuracy: 1e-9)
    }

    func testSymmetryOperations() throws {
        let op = try XCTUnwrap(SymmetryOperation(xyz: "-x+1/2, y, z+1/2"))
        XCTAssertEqual(op.apply(Vec3(0.1, 0.2, 0.3)), Vec3(0.4, 0.2, 0.8))
        XCTAssertEqual(SymmetryOperation(xyz: "x-y,x,z")?.apply(Vec3(0.5, 0.25, 0.1)), Vec3(0.25, 0.5, 0.1))
        XCTAssertEqual(SymmetryOperation(xyz: "1/2+X, 0.25-Y, +z")?.translation, Vec3(0.5, 0.25, 0))
        XCTAssertEqual(SymmetryOperation(xyz: "2*x,y,z")?.rotation[0], Vec3(2, 0, 0))
        for bad in ["x,y", "x,y,w", "x,y,z+", "x,y,1/0", "x,,z"] { XCTAssertNil(SymmetryOperation(xyz: bad), bad) }
    }

    func testTriclinicCellIsInStandardOrientation() throws {
        let text = """
        data_tri
        _cell_length_a 5.1(2)
        _cell_length_b 6.2
        _cell_length_c 7.3
        _cell_angle_alpha 80
        _cell_angle_beta 95.5
        _cell_angle_gamma 110
        loop_
        _atom_site_label
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        C1 0.1 0.2 0.3
        """
        let lattice = try XCTUnwrap(CIFFormat.read(text).lattice)
        let (a, b, c) = (lattice.vectors[0], lattice.vectors[1], lattice.vectors[2])
        XCTAssertEqual(a.y, 0); XCTAssertEqual(a.z, 0); XCTAssertEqual(b.z, 0)
        XCTAssertEqual(lattice.lengths.x, 5.1, accuracy: 1e-12)
        XCTAssertEqual(lattice.lengths.z, 7.3, accuracy: 1e-12)
        let angle = { (u: Vec3, v: Vec3) in acos((u * v).sum() / (length(u) * length(v))) * 180 / .pi }
        XCTAssertEqual(angle(b, c), 80, accuracy: 1e-9)
        XCTAssertEqual(angle(a, c), 95.5, accuracy: 1e-9)
        XCTAssertEqual(angle(a, b), 110, accuracy: 1e-9)
    }

    func testSyntaxErrors() {
        let head = "data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n"
        let sites = "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n"
        assertThrows(.syntax, line: 11, try CIFFormat.read(head + sites + "Pb1 0 0 0 0.5\n"))
        assertThrows(.unknownElement, line: 11, try CIFFormat.read(head + sites + "Qq1 0 0 0 1\n"))
        assertThrows(.syntax, line: 11, try CIFFormat.read(head + sites + "Pb1 0 zero 0 1\n"))
        assertThrows(.syntax, line: 5, try CIFFormat.read(head + sites + "Pb1 0 0 0\n"))
        assertThrows(.syntax, line: 1, try CIFFormat.read(head + "_space_group_IT_number 221\n" + sites + "Pb1 0 0 0 1\n"))
        assertThrows(.syntax, line: 5, try CIFFormat.read(head + "_title 'unterminated\n"))
        assertThrows(.syntax, line: 5, try CIFFormat.read(head + ";\nnever closed\n"))
        assertThrows(.emptyFile, try CIFFormat.read("  \n\t\n"))
    }

    private func assertSameSites(_ a: Structure, _ b: Structure, tolerance: Double, _ name: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, name, file: file, line: line)
        var unmatched = Array(b.positions.indices)
        for (z, r) in zip(a.atomicNumbers, a.positions) {
            let match = unmatched.firstIndex { j in
                b.atomicNumbers[j] == z && length(a.lattice!.minimumImage(from: r, to: b.positions[j])) < tolerance
            }
            guard let match else { return XCTFail("\(name): no partner for Z=\(z) at \(r)", file: file, line: line) }
            unmatched.remove(at: match)
        }
    }
}
