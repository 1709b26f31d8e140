import Foundation
import Processes
import TestSupport
import XCTest
import Engine
import Structures
@testable import Store

final class ExportTests: XCTestCase {
    /// Two calculations (one with an awkward name), one failure with a stored structure, one without.
    private func populatedStore() throws -> ResultsStore {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        var odd = StoreFixtures.water
        odd.name = "water, \"wet\"\nsecond line"
        try StoreFixtures.saveCalculation(store, odd, hash: SHA256.hex(of: "water"), energy: -5.070544440612035)
        try StoreFixtures.saveCalculation(store, StoreFixtures.alpha, hash: SHA256.hex(of: "alpha"), energy: -0.1 - 0.2)
        try store.saveFailure(source: "clusters/bad.xyz", structureHash: nil, settingsHash: nil,
                              failureClass: "unknown_element", message: "line 3: unknown element \"Xx\", sorry",
                              runID: nil, host: "node01")
        try store.saveFailure(source: "clusters/water.xyz", structureHash: SHA256.hex(of: "water"),
                              settingsHash: StoreFixtures.gfn2.hash, failureClass: "scc_not_converged",
                              message: "no convergence", runID: nil, host: "node01")
        return store
    }

    func testCSVParsesBackWithOneRowPerCalculationAndFailure() throws {
        let snapshot = try populatedStore().snapshot()
        let text = try ExportFormat.csv.render(snapshot)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let table = Self.parseCSV(text)
        XCTAssertEqual(table.count, 1 + 2 + 2)
        XCTAssertEqual(table[0], CSVExport.header)
        XCTAssertTrue(table.allSatisfy { $0.count == CSVExport.header.count })
        let rows = table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(CSVExport.header, $0)) }
        XCTAssertEqual(rows.map { $0["status"] }, ["ok", "ok", "failed", "failed"])
        XCTAssertEqual(rows[0]["name"], "water, \"wet\"\nsecond line")
        XCTAssertEqual(rows[0]["formula"], "H2O")
        XCTAssertEqual(rows[0]["natoms"], "3")
        XCTAssertEqual(rows[0]["method"], "gfn2")
        XCTAssertEqual(rows[0]["settings_hash"], StoreFixtures.gfn2.hash)
        XCTAssertEqual(rows[0]["source"], "clusters/water, \"wet\"\nsecond line.xyz")
        XCTAssertEqual(Double(rows[0]["energy_hartree"]!), -5.070544440612035)
        XCTAssertEqual(Double(rows[1]["energy_hartree"]!), -0.1 - 0.2)
        XCTAssertEqual(Double(rows[1]["energy_kj_mol"]!)!, (-0.1 - 0.2) * Units.kJPerMolPerHartree)
        XCTAssertEqual(Double(rows[1]["gradient_norm"]!), snapshot.calculations[1].calculation.gradientNorm)
        XCTAssertEqual(rows[1]["scc_converged"], "true")
        XCTAssertEqual(rows[1]["engine_version"], "libxtb 6.5.1")
        XCTAssertEqual(rows[1]["failure_class"], "")
        XCTAssertEqual(rows[2]["failure_class"], "unknown_element")
        XCTAssertEqual(rows[2]["message"], "line 3: unknown element \"Xx\", sorry")
        XCTAssertEqual(rows[2]["source"], "clusters/bad.xyz")
        XCTAssertEqual(rows[2]["energy_hartree"], "")
        XCTAssertEqual(rows[3]["formula"], "H2O")          // joined from the stored structure
        XCTAssertEqual(rows[3]["method"], "gfn2")
        XCTAssertNotNil(ISO8601DateFormatter.withFraction.date(from: rows[3]["finished_at"]!))
    }

    func testJSONDecodesWithStableKeys() throws {
        let snapshot = try populatedStore().snapshot()
        let text = try ExportFormat.json.render(snapshot)
        XCTAssertEqual(try ExportFormat.json.render(snapshot), text)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, JSONExport.format)
        let calculations = try XCTUnwrap(object["calculations"] as? [[String: Any]])
        let failures = try XCTUnwrap(object["failures"] as? [[String: Any]])
        XCTAssertEqual(calculations.count, 2)
        XCTAssertEqual(failures.count, 2)
        // Foundation's JSONSerialization on Linux parses doubles a few ulp off; JSONDecoder is exact.
        XCTAssertEqual(try XCTUnwrap(calculations[1]["energy_hartree"] as? Double), -0.1 - 0.2, accuracy: 1e-15)
        struct Document: Decodable {
            struct Calculation: Decodable { var energy_hartree: Double; var gradient: [[Double]] }
            var calculations: [Calculation]
        }
        let exact = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        XCTAssertEqual(exact.calculations.map(\.energy_hartree.bitPattern),
                       snapshot.calculations.map(\.calculation.energyHartree.bitPattern))
        XCTAssertEqual(exact.calculations.map { $0.gradient.flatMap { $0 }.map(\.bitPattern) },
                       snapshot.calculations.map { $0.calculation.gradient.flatMap { $0 }.map(\.bitPattern) })
        XCTAssertEqual(calculations[1]["name"] as? String, "alpha-CsPbI3")
        XCTAssertEqual((calculations[1]["gradient"] as? [[Double]])?.count, 5)
        XCTAssertEqual((calculations[1]["settings"] as? [String: Any])?["method"] as? String, "gfn2")
        XCTAssertTrue(calculations[1]["scc_iterations"] is NSNull)   // always present, null when unknown
        XCTAssertTrue(failures[0]["structure_hash"] is NSNull)
        XCTAssertEqual(failures[0]["failure_class"] as? String, "unknown_element")
        XCTAssertEqual(failures[1]["formula"] as? String, "H2O")
        // Sorted keys: "calculations" comes first and "failures" before "format".
        let c = try XCTUnwrap(text.range(of: "\"calculations\"")), f = try XCTUnwrap(text.range(of: "\"failures\""))
        let fo = try XCTUnwrap(text.range(of: "\"format\""))
        XCTAssertTrue(c.lowerBound < f.lowerBound && f.lowerBound < fo.lowerBound)
    }

    func testExtendedXYZIsReadByASE() throws {
        let python = try Self.pythonWithASE()
        let snapshot = try populatedStore().snapshot()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-\(UUID().uuidString).extxyz")
        defer { try? FileManager.default.removeItem(at: file) }
        try ExportFormat.extxyz.render(snapshot).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, ase.io
            out = []
            for a in ase.io.read(sys.argv[1], ":"):
                ev = a.get_potential_energy() if a.calc is not None else a.info["energy"]
                out.append({"n": len(a), "eh": repr(float(a.info["energy_hartree"])), "ev": repr(float(ev)),
                            "hash": a.info["hash"], "method": a.info["method"], "name": a.info["name"],
                            "numbers": a.numbers.tolist(), "pbc": [bool(p) for p in a.pbc]})
            print(json.dumps(out))
            """
        let output = try Self.run(python, ["-c", script, file.path])
        let frames = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        XCTAssertEqual(frames.count, snapshot.calculations.count)
        for (frame, row) in zip(frames, snapshot.calculations) {
            XCTAssertEqual(frame["n"] as? Int, row.structure.natoms)
            let eh = try XCTUnwrap(Double(try XCTUnwrap(frame["eh"] as? String)))
            XCTAssertEqual(eh.bitPattern, row.calculation.energyHartree.bitPattern)
            let ev = try XCTUnwrap(Double(try XCTUnwrap(frame["ev"] as? String)))
            XCTAssertEqual(ev, row.calculation.energyHartree * Units.eVPerHartree, accuracy: 1e-9)
            XCTAssertEqual(frame["hash"] as? String, row.structure.hash)
            XCTAssertEqual(frame["method"] as? String, "gfn2")
            XCTAssertEqual(frame["numbers"] as? [Int], row.structure.numbers)
        }
        XCTAssertEqual(frames[0]["name"] as? String, "water, \"wet\" second line")
        XCTAssertEqual(frames[1]["name"] as? String, "alpha-CsPbI3")
        XCTAssertEqual(frames[1]["pbc"] as? [Bool], [true, true, false])
    }

    // MARK: helpers

    /// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = text.unicodeScalars.makeIterator(), pending: Unicode.Scalar? = nil
        while let s = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if s == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else { field.unicodeScalars.append(s) }
            } else if s == "\"" { quoted = true
            } else if s == "," { row.append(field); field = ""
            } else if s == "\r" { continue
            } else if s == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(s) }
        }
        return rows
    }

    /// python3 from PATH; a failure (never a skip) when it is missing or cannot import ase.
    static func pythonWithASE() throws -> String {
        let python = try RequiredTool.path("python3", install: "install Python 3 and run scripts/setup").path
        try RequiredTool.python(python, imports: ["ase.io"], install: "scripts/setup installs ase into .venv")
        return python
    }

    /// Runs a program, returns its stdout; throws when it exits non-zero.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(Command(program, arguments), timeout: .seconds(600))
        guard result.status == 0 else {
            throw NSError(domain: "python", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: result.standardError])
        }
        let data = Data(result.standardOutput.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ISO8601DateFormatter {
    static var withFraction: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
