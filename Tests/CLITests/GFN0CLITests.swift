import Foundation
import Structures
import XCTest
import XTBOracle

/// GFN0-xTB (the periodic method libxtb offers) through the CLI, one process per run, against the
/// `xtb` binary. GFN0 alters libxtb's global state, so it is never mixed with other methods in a
/// process; these tests run it in the CLI's own process.
final class GFN0CLITests: XCTestCase {
    func testPeriodicAndMolecularGFN0MatchBinary() throws {
        _ = try XTBBinaryOracle.binary
        let cli = try CLIHarness()
        let files = [
            CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-alpha.extxyz").path,
            CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-delta.extxyz").path,
            CLIHarness.fragment("water"),
        ]
        let result = try cli.run(["sp"] + files + ["--gfn", "0", "--db", cli.path("g0.sqlite"), "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.jsonLines
        XCTAssertEqual(lines.count, files.count)
        for (file, line) in zip(files, lines) {
            let structure = try StructureFile.read(path: file)
            let oracle = try XTBBinaryOracle.run(structure, arguments: ["--gfn", "0"])
            let reference = XTBBinaryOracle.parseTotalEnergy(oracle.stdout) ?? oracle.energy
            let ours = try XCTUnwrap(line["energy_hartree"] as? Double, "\(line)")
            XCTAssertEqual(ours, reference, accuracy: 1e-8, structure.name)
            let norm = oracle.gradient.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }.squareRoot()
            XCTAssertEqual(line["gradient_norm"] as? Double ?? .nan, norm, accuracy: 1e-7, structure.name)
        }
    }
}
