import Engine
import Foundation
import Structures
import XCTest

/// The tblite bridge against tblite's own Python API on the same cell: the oracle is a separate
/// python3 process that reads the file with ASE (not our parser) and calls
/// `tblite.interface.Calculator` directly. Energies must agree to 1e-9 Eh, gradients and virials
/// to 1e-9 Eh/Bohr (in practice they are bit-identical: same library, same inputs).
final class TBLiteCalculatorTests: XCTestCase {
    nonisolated(unsafe) static var shared: TBLiteCalculator?

    override class func setUp() {
        shared = try? TBLiteCalculator(options: TBLiteOptions(scope: .periodicAndMolecular, threads: 1))
    }

    override class func tearDown() {
        shared = nil
    }

    private func calculator() throws -> TBLiteCalculator {
        try TBLiteOracle.require()
        return try XCTUnwrap(Self.shared, "the bridge did not start although tblite imports")
    }

    func testGFN2AlphaCellMatchesPythonAPI() throws {
        try compare(file: "CsPbI3-alpha.extxyz", settings: Settings(method: .gfn2))
    }

    func testGFN1AlphaCellMatchesPythonAPI() throws {
        try compare(file: "CsPbI3-alpha.extxyz", settings: Settings(method: .gfn1))
    }

    /// A 20-atom orthorhombic cell (not cubic, atoms off the lattice points), with non-default
    /// temperature and accuracy: the settings must reach tblite.
    func testDeltaCellWithSettingsMatchesPythonAPI() throws {
        try compare(file: "CsPbI3-delta.extxyz", settings: Settings(method: .gfn2, accuracy: 0.1,
                                                                     electronicTemperature: 1000))
    }

    func testMoleculeMatchesPythonAPI() throws {
        try compare(file: "../fragments/PbI3-anion.extxyz", settings: Settings(method: .gfn2))
    }

    func testElectronicTemperatureChangesTheEnergy() throws {
        let calc = try calculator()
        let cell = try TBLiteOracle.structure("CsPbI3-alpha.extxyz")
        let cold = try calc.singlePoint(cell, settings: Settings(method: .gfn2))
        let hot = try calc.singlePoint(cell, settings: Settings(method: .gfn2, electronicTemperature: 5000))
        XCTAssertGreaterThan(abs(cold.energy - hot.energy), 1e-6)
    }

    func testResultCarriesVersionChargesAndGap() throws {
        let calc = try calculator()
        let result = try calc.singlePoint(TBLiteOracle.structure("CsPbI3-alpha.extxyz"), settings: Settings())
        XCTAssertTrue(calc.engineVersion.hasPrefix("tblite 0.8.0"), calc.engineVersion)
        XCTAssertEqual(result.engine, calc.engineVersion)
        XCTAssertEqual(result.charges?.count, 5)
        XCTAssertEqual(result.charges?.reduce(0, +) ?? 1, 0, accuracy: 1e-8)
        XCTAssertGreaterThan(result.gapEV ?? 0, 0.1)
        XCTAssertTrue(result.sccConverged)
    }

    func testSCCNotConvergedMapsToItsKind() throws {
        let calc = try calculator()
        let cell = try TBLiteOracle.structure("CsPbI3-alpha.extxyz")
        XCTAssertThrowsError(try calc.singlePoint(cell, settings: Settings(method: .gfn2, maxIterations: 2))) { error in
            XCTAssertEqual((error as? EngineError)?.kind, .sccNotConverged, "\(error)")
        }
        // The bridge is still usable afterwards.
        XCTAssertNoThrow(try calc.singlePoint(cell, settings: Settings(method: .gfn2)))
    }

    func testRefusedInputsNeverReachTheBridge() throws {
        let calc = try calculator()
        let cell = try TBLiteOracle.structure("CsPbI3-alpha.extxyz")
        assertRefused(try calc.validate(cell, settings: Settings(method: .gfn0)), "GFN0")
        assertRefused(try calc.validate(cell, settings: Settings(method: .gfn2, solvent: "water")), "solvation")
        var slab = cell
        slab.lattice?.pbc = [true, true, false]
        assertRefused(try calc.validate(slab, settings: Settings()), "some directions")
        var francium = cell
        francium.atomicNumbers[0] = 87
        XCTAssertThrowsError(try calc.singlePoint(francium, settings: Settings())) { error in
            XCTAssertEqual((error as? StructureError)?.kind, .unsupportedElement, "\(error)")
        }
        let periodicOnly = try TBLiteCalculator(options: TBLiteOptions(threads: 1))
        let molecule = try TBLiteOracle.structure("../fragments/PbI3-anion.extxyz")
        assertRefused(try periodicOnly.validate(molecule, settings: Settings()), "periodic cells only")
    }

    func testMissingPythonSaysRunSetup() throws {
        XCTAssertThrowsError(try TBLiteCalculator(options: TBLiteOptions(python: "/nonexistent/python3"))) { error in
            XCTAssertTrue("\(error)".contains("scripts/setup"), "\(error)")
        }
    }

    /// A python3 that cannot import tblite (site-packages switched off with -S).
    func testMissingTBLiteSaysRunSetup() throws {
        try TBLiteOracle.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tblite-noimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrapper = folder.appendingPathComponent("python-without-site")
        try "#!/bin/sh\nexec \(TBLiteOracle.python) -S \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper.path, 0o755)
        XCTAssertThrowsError(try TBLiteCalculator(options: TBLiteOptions(python: wrapper.path))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("cannot import tblite") && text.contains("scripts/setup"), text)
        }
    }

    /// A calculation over its time limit stops the bridge; the next call starts a new one.
    func testTimeoutStopsTheBridgeAndTheNextCallRestartsIt() throws {
        try TBLiteOracle.require()
        // A limit 18x shorter than the slow calculation and ~100x longer than the fast one (measured
        // on 2 cores: 320 atoms 270 s, H2 with a fresh bridge ~0.15 s), so load cannot flip either.
        let calc = try TBLiteCalculator(options: TBLiteOptions(scope: .periodicAndMolecular, threads: 1,
                                                               timeout: .seconds(15)))
        let slow = try Self.repeated(TBLiteOracle.structure("CsPbI3-alpha.extxyz"), 4, 4, 4)   // 320 atoms: ~270 s
        XCTAssertThrowsError(try calc.singlePoint(slow, settings: Settings())) { error in
            XCTAssertEqual((error as? EngineError)?.kind, .backend)
            XCTAssertTrue("\(error)".contains("did not answer within"), "\(error)")
        }
        let hydrogen = Structure(name: "H2", atomicNumbers: [1, 1], positions: [Vec3(0, 0, 0), Vec3(0, 0, 0.74)])
        let result = try calc.singlePoint(hydrogen, settings: Settings())
        XCTAssertEqual(result.energy, -0.98, accuracy: 0.05)
    }

    /// `cell` repeated n1 × n2 × n3 times (an orthogonal cell; Models builds supercells properly).
    static func repeated(_ cell: Structure, _ n1: Int, _ n2: Int, _ n3: Int) throws -> Structure {
        let v = try XCTUnwrap(cell.lattice).vectors
        var out = cell
        out.atomicNumbers = []
        out.positions = []
        for i in 0..<n1 { for j in 0..<n2 { for k in 0..<n3 {
            let shift = v[0] * Double(i) + v[1] * Double(j) + v[2] * Double(k)
            out.atomicNumbers += cell.atomicNumbers
            out.positions += cell.positions.map { $0 + shift }
        } } }
        out.lattice = Lattice(vectors: [v[0] * Double(n1), v[1] * Double(n2), v[2] * Double(n3)])
        return out
    }

    func testScratchFolderIsRemoved() throws {
        try TBLiteOracle.require()
        var calc: TBLiteCalculator? = try TBLiteCalculator(options: TBLiteOptions(threads: 1))
        let folder = try XCTUnwrap(calc?.scratchFolder)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tblite_bridge.py").path))
        calc = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    // MARK: - Helpers

    private func compare(file: String, settings: Settings, line: UInt = #line) throws {
        let calc = try calculator()
        let structure = try TBLiteOracle.structure(file)
        let ours = try calc.compute(structure, settings: settings)
        let theirs = try TBLiteOracle.run(file: file, settings: settings)
        XCTAssertEqual(ours.result.energy, theirs.energy, accuracy: 1e-9, "energy", line: line)
        XCTAssertEqual(ours.result.gradient.count, theirs.gradient.count, line: line)
        for (g, h) in zip(ours.result.gradient.joined(), theirs.gradient.joined()) {
            XCTAssertEqual(g, h, accuracy: 1e-9, "gradient", line: line)
        }
        if structure.isPeriodic {
            let virial = try XCTUnwrap(ours.virial, line: line)
            for (v, w) in zip(virial.joined(), theirs.virial.joined()) {
                XCTAssertEqual(v, w, accuracy: 1e-9, "virial", line: line)
            }
        }
        XCTAssertEqual(ours.result.charges?.count, structure.count, line: line)
    }

    private func assertRefused(_ body: @autoclosure () throws -> Void, _ phrase: String, line: UInt = #line) {
        XCTAssertThrowsError(try body(), line: line) { error in
            XCTAssertEqual((error as? EngineError)?.kind, .unsupported, "\(error)", line: line)
            XCTAssertTrue("\(error)".contains(phrase), "\(error)", line: line)
        }
    }
}
