import Foundation
import XCTest

/// Outputs that cannot be written are refused before anything is computed: the results database
/// is not even created.
final class OutputPathCLITests: XCTestCase {
    func testOptRefusesAnUnwritableFormatBeforeComputing() throws {
        let cli = try CLIHarness()
        let db = cli.path("opt.sqlite")
        let cif = try cli.run(["opt", CLIHarness.fragment("Zn-Im2-HIm2"), "-o", cli.path("x.cif"), "--db", db])
        XCTAssertEqual(cif.status, 64, cif.stderr)
        XCTAssertTrue(cif.stderr.contains("--output x.cif: interscreen cannot write this format"), cif.stderr)
        let poscar = try cli.run(["opt", CLIHarness.fragment("water"), "-o", cli.path("water.vasp"), "--db", db])
        XCTAssertEqual(poscar.status, 64, poscar.stderr)
        XCTAssertTrue(poscar.stderr.contains("POSCAR needs a periodic cell"), poscar.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing may be computed or stored")
    }

    func testOptRefusesAMissingOutputFolderBeforeComputing() throws {
        let cli = try CLIHarness()
        let db = cli.path("opt.sqlite")
        for option in ["-o", "--trajectory"] {
            let result = try cli.run(["opt", CLIHarness.fragment("Zn-Im2-HIm2"), option, cli.path("out/x.xyz"), "--db", db])
            XCTAssertEqual(result.status, 73, result.stderr)
            XCTAssertEqual(result.stderr, "error: cannot write \(option == "-o" ? "--output" : option) \(cli.path("out/x.xyz")): "
                + "the folder \(cli.path("out")) does not exist\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing may be computed or stored")
    }

    func testExportAndBuildRefuseAMissingOutputFolder() throws {
        let cli = try CLIHarness()
        let sp = try cli.run(["sp", CLIHarness.fragment("water"), "--db", cli.path("w.sqlite")])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        let export = try cli.run(["export", "--db", cli.path("w.sqlite"), "-o", cli.path("nope/w.csv")])
        XCTAssertEqual(export.status, 73, export.stderr)
        let glass = try cli.run(["build", "glass", "-o", cli.path("nope/g.extxyz")])
        XCTAssertEqual(glass.status, 73, glass.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("nope")))
    }
}
