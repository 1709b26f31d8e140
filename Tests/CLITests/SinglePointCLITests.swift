import Foundation
import Processes
import Store
import Structures
import XCTest

/// `interscreen sp` and `export` end to end, through the built binary.
final class SinglePointCLITests: XCTestCase {
    func testSecondRunAnswersFromTheStore() throws {
        let cli = try CLIHarness()
        let files = ["water", "PbI3-anion", "imidazolium"].map(CLIHarness.fragment)
        let first = try cli.run(["sp"] + files + ["--db", cli.path("r.sqlite"), "--json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try cli.run(["sp"] + files + ["--db", cli.path("r.sqlite"), "--json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let (a, b) = (first.jsonLines, second.jsonLines)
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(b.count, 3)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x["cached"] as? Bool, false)
            XCTAssertEqual(y["cached"] as? Bool, true)
            XCTAssertEqual(x["hash"] as? String, y["hash"] as? String)
            XCTAssertEqual(x["energy_hartree"] as? Double, y["energy_hartree"] as? Double)
            XCTAssertNotNil(x["gradient_norm"] as? Double)
        }
        XCTAssertEqual(a.compactMap { $0["file"] as? String }, files)
    }

    func testTableNamesEveryStructureAndSaysCached() throws {
        let cli = try CLIHarness()
        let args = ["sp", CLIHarness.fragment("water"), "--db", cli.path("t.sqlite")]
        _ = try cli.run(args)
        let table = try cli.run(args)
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.contains("water"), table.stdout)
        XCTAssertTrue(table.stdout.contains("cached"), table.stdout)
    }

    func testBrokenFileFailsAloneAndExitStatusSaysSo() throws {
        let cli = try CLIHarness()
        let broken = cli.path("broken.xyz")
        try "3\ncomment\nO 0 0 0\nH 0 0 0.96\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let fr = cli.path("francium.xyz")
        try "1\ncharge=1\nFr 0 0 0\n".write(toFile: fr, atomically: true, encoding: .utf8)
        let good = CLIHarness.fragment("water")
        let result = try cli.run(["sp", broken, fr, good, "--db", cli.path("b.sqlite"), "--json"])
        XCTAssertEqual(result.status, 1)
        let lines = result.jsonLines
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0]["ok"] as? Bool, false)
        XCTAssertTrue((lines[0]["error"] as? String ?? "").contains("broken.xyz"), "\(lines[0])")
        XCTAssertEqual(lines[0]["failure_class"] as? String, "truncated_file")
        XCTAssertEqual(lines[1]["failure_class"] as? String, "unsupported_element")
        XCTAssertEqual(lines[2]["ok"] as? Bool, true)
        let store = try ResultsStore(path: cli.path("b.sqlite"))
        XCTAssertEqual(try store.failures().count, 2)
    }

    /// Killed while it works, a run keeps every result it reported. The sixth input is a named pipe
    /// nobody writes to, so the run blocks there after five results: the kill comes at that event,
    /// never at a moment the machine's speed decides.
    func testKilledRunLosesNothingItReported() throws {
        let cli = try CLIHarness()
        let base = try StructureFile.read(path: CLIHarness.fragment("Zn-Im2-HIm2"))
        var files: [String] = []
        for i in 0..<5 {  // distinct structures: each perturbed a little, so none is a cache hit
            var s = base
            s.positions[i % s.count].x += 0.01 * Double(i + 1)
            let path = cli.path("zn-\(i).extxyz")
            try StructureFile.write(s, to: path)
            files.append(path)
        }
        let pipe = cli.path("zn-5.extxyz")
        XCTAssertEqual(mkfifo(pipe, 0o644), 0)
        let db = cli.path("k.sqlite")
        var command = cli.command(arguments: ["sp"] + files + [pipe, cli.path("never-read.extxyz"), "--db", db, "--json"])
        let output = cli.path("k.jsonl")
        command.standardOutput = .file(output)
        command.standardError = .null
        let child = try ChildProcess(command)
        defer { child.terminate() }
        // What the run reported as done so far: complete JSON lines of its output.
        var reported: [String] = []
        for _ in 0..<60_000 where reported.count < 5 && child.isRunning {   // at most 300 s
            let lines = ChildProcess.readText(output).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            reported = lines.compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["hash"] as? String
            }
            if reported.count < 5 { usleep(5_000) }
        }
        XCTAssertTrue(child.isRunning, "the run ended before it reached the pipe")
        child.signal(SIGKILL)
        XCTAssertEqual(child.wait(timeout: .seconds(60)), .signalled(SIGKILL))
        XCTAssertEqual(reported.count, 5)
        let store = try ResultsStore(path: db)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let stored = Set(try store.calculations().map(\.structureHash))
        for hash in reported {
            XCTAssertTrue(stored.contains(hash), hash)
        }
    }

    func testExportFormats() throws {
        let cli = try CLIHarness()
        let db = cli.path("e.sqlite")
        let sp = try cli.run(["sp", CLIHarness.fragment("water"), CLIHarness.fragment("PbI3-anion"), "--db", db, "--json"])
        XCTAssertEqual(sp.status, 0, sp.stderr)
        let energies = sp.jsonLines.compactMap { $0["energy_hartree"] as? Double }

        let csv = try cli.run(["export", "--db", db, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.contains("PbI3-anion"), csv.stdout)

        let json = try cli.run(["export", "--db", db, "--format", "json", "-o", cli.path("all.json")])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("all.json"))))
        XCTAssertEqual(((object as? [String: Any])?["calculations"] as? [Any])?.count, 2)

        let xyz = try cli.run(["export", "--db", db, "--format", "extxyz", "-o", cli.path("all.extxyz")])
        XCTAssertEqual(xyz.status, 0, xyz.stderr)
        guard Self.pythonHasASE else { return XCTFail("python3 cannot import ase: run scripts/setup") }
        let script = """
        import ase.io, sys
        frames = ase.io.read(sys.argv[1], ":")
        print(len(frames))
        for f in frames: print(repr(float(f.info["energy_hartree"])))
        """
        let read = try cli.run(["python3", "-c", script, cli.path("all.extxyz")],
                               executable: URL(fileURLWithPath: "/usr/bin/env"))
        XCTAssertEqual(read.status, 0, read.stderr)
        let out = read.stdout
        let values = out.split(separator: "\n").compactMap { Double($0) }
        XCTAssertEqual(Int(values.first ?? 0), 2)
        // ASE reads the exact text; JSONSerialization on Linux may be one ulp off, hence 1e-12.
        for (a, b) in zip(values.dropFirst().sorted(), energies.sorted()) {
            XCTAssertEqual(a, b, accuracy: 1e-12)
        }
    }

    static var pythonHasASE: Bool {
        var command = Command("python3", ["-c", "import ase"])
        command.standardError = .null
        return (try? ChildProcess.run(command, timeout: .seconds(120)))?.status == 0
    }
}

/// `sp --engine`: the engine is part of a calculation's identity.
final class SinglePointEngineCLITests: XCTestCase {
    /// The same molecule and settings through libxtb and through tblite are two rows; neither
    /// answers for the other, each answers for itself, and the energies agree to 1e-6 Eh
    /// (DESIGN: molecular GFN2 tblite vs libxtb agree to 1e-9…5e-8 Eh).
    func testTheSameMoleculeThroughBothEnginesIsTwoRowsNeverACacheHitForEachOther() throws {
        let cli = try CLIHarness()
        let water = CLIHarness.fragment("water")
        let db = cli.path("engines.sqlite")
        func sp(_ engine: String) throws -> [String: Any] {
            let run = try cli.run(["sp", water, "--engine", engine, "--db", db, "--json"])
            XCTAssertEqual(run.status, 0, run.stderr)
            return try XCTUnwrap(run.jsonLines.first, run.stdout)
        }
        let xtb = try sp("xtb")
        let tblite = try sp("tblite")
        XCTAssertEqual(xtb["cached"] as? Bool, false)
        XCTAssertEqual(tblite["cached"] as? Bool, false, "libxtb's row must not answer for tblite")
        XCTAssertEqual(xtb["engine"] as? String, "libxtb 6.5.1")
        XCTAssertEqual(tblite["engine"] as? String, "tblite 0.8.0")
        XCTAssertTrue((tblite["engine_version"] as? String ?? "").hasPrefix("tblite 0.8.0 (python"), "\(tblite)")
        let (a, b) = (try XCTUnwrap(xtb["energy_hartree"] as? Double), try XCTUnwrap(tblite["energy_hartree"] as? Double))
        XCTAssertEqual(a, b, accuracy: 1e-6)
        XCTAssertNotEqual(xtb["calculation_id"] as? Int, tblite["calculation_id"] as? Int)
        // Each engine now answers for itself; auto is libxtb for a molecule.
        for (engine, first) in [("xtb", xtb), ("tblite", tblite), ("auto", xtb)] {
            let again = try sp(engine)
            XCTAssertEqual(again["cached"] as? Bool, true, engine)
            XCTAssertEqual(again["calculation_id"] as? Int, first["calculation_id"] as? Int, engine)
            XCTAssertEqual(again["energy_hartree"] as? Double, first["energy_hartree"] as? Double, engine)
        }
        let store = try ResultsStore(path: db)
        let rows = try store.calculations()
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(Set(rows.map(\.structureHash)).count, 1)
        XCTAssertEqual(Set(rows.map(\.settingsHash)).count, 1)
        XCTAssertEqual(Set(rows.map(\.engine)), ["libxtb 6.5.1", "tblite 0.8.0"])
    }

    func testAnUnknownEngineIsAUsageError() throws {
        let cli = try CLIHarness()
        let run = try cli.run(["sp", CLIHarness.fragment("water"), "--engine", "dftb", "--db", cli.path("u.sqlite")])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("--engine"), run.stderr)
    }
}
