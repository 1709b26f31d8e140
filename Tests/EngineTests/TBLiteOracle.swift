import Engine
import Foundation
import Processes
import Structures
import TestSupport

/// tblite's own Python API, run in a separate python3 process on a file read by ASE: the
/// independent oracle for the bridge (which reads our parser's structure and speaks JSON).
enum TBLiteOracle {
    struct Output: Decodable {
        var energy: Double
        var gradient: [[Double]]
        var virial: [[Double]]
    }

    static let python = ProcessInfo.processInfo.environment["INTERSCREEN_PYTHON"] ?? "python3"

    /// The repository's clusters/bulk folder.
    static let bulkFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("clusters/bulk")

    /// Fails the test (never skips) unless the Python in use imports tblite and ASE.
    static func require() throws {
        try RequiredTool.python(python, imports: ["tblite.interface", "ase.io"],
                                install: "scripts/setup installs tblite 0.8.0 and ase into .venv (scripts/env.sh selects it)")
    }

    /// A structure from clusters/bulk (or a path relative to it), read by interscreen's parser.
    static func structure(_ file: String) throws -> Structure {
        try StructureFile.read(path: bulkFolder.appendingPathComponent(file).path)
    }

    /// The oracle's energy, gradient and virial for `file` under `settings`.
    static func run(file: String, settings: Settings) throws -> Output {
        let path = bulkFolder.appendingPathComponent(file).path
        let text = try shell(["-c", script, path, settings.method == .gfn1 ? "GFN1-xTB" : "GFN2-xTB",
                              "\(settings.accuracy)", "\(settings.electronicTemperature)", "\(settings.maxIterations)"])
        return try JSONDecoder().decode(Output.self, from: Data(text.utf8))
    }

    /// Reads the file with ASE, converts Å to Bohr with the factor interscreen uses, runs tblite.
    static let script = #"""
import contextlib, io, json, os, sys
import numpy as np
from ase.io import read
from tblite.interface import Calculator
path, method, acc, etemp, maxiter = sys.argv[1:6]
atoms = read(path)
bohr = 1.0 / 0.529177210903
periodic = bool(atoms.pbc.any())
calc = Calculator(method, atoms.numbers, atoms.positions * bohr,
                  charge=float(atoms.info.get("charge", 0)), uhf=int(atoms.info.get("multiplicity", 1)) - 1,
                  lattice=np.array(atoms.cell) * bohr if periodic else None,
                  periodic=np.array([True, True, True]) if periodic else None)
calc.set("verbosity", 0)
calc.set("accuracy", float(acc))
calc.set("max-iter", int(maxiter))
calc.set("temperature", float(etemp) * 3.166808578545117e-06)
res = calc.singlepoint()
print(json.dumps({"energy": float(res.get("energy")), "gradient": res.get("gradient").tolist(),
                  "virial": res.get("virial").tolist()}))
"""#

    /// Runs python3 with `arguments`; returns its standard output, throws on a non-zero exit.
    static func shell(_ arguments: [String]) throws -> String {
        let environment = Command.inheritedEnvironment(["OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"])
        let result = try ChildProcess.run(Command(python, arguments, environment: environment), timeout: .seconds(1800))
        guard result.status == 0 else {
            throw EngineError(.backend, "python3 \(arguments.first ?? "") ended with \(result.termination)")
        }
        let data = Data(result.standardOutput.utf8)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
