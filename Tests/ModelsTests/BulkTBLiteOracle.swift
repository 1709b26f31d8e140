import Foundation
import Processes
import Structures
import TestSupport

/// tblite's Python API on a supercell that ASE builds (`ase.build.make_supercell`): an oracle for
/// `Supercell.build` that shares neither our builder nor our bridge.
enum BulkTBLiteOracle {
    static let python = ProcessInfo.processInfo.environment["INTERSCREEN_PYTHON"] ?? "python3"

    /// Fails the test (never skips) unless the Python in use imports tblite and ASE.
    static func require() throws {
        try RequiredTool.python(python, imports: ["tblite.interface", "ase.build"],
                                install: "scripts/setup installs tblite 0.8.0 and ase into .venv (scripts/env.sh selects it)")
    }

    /// GFN2 energy (Eh) of `cell` (periodic, neutral, closed shell) repeated by `matrix` in ASE.
    static func energy(of cell: Structure, matrix: [[Int]]) throws -> Double {
        let lattice = cell.lattice!.vectors.map { [$0.x, $0.y, $0.z] }
        let input: [String: Any] = [
            "numbers": cell.atomicNumbers, "positions": cell.positions.map { [$0.x, $0.y, $0.z] },
            "cell": lattice, "matrix": matrix,
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        return Double(try run(["-c", script], input: text))!
    }

    static let script = #"""
import json, sys
import numpy as np
from ase import Atoms
from ase.build import make_supercell
from tblite.interface import Calculator
d = json.load(sys.stdin)
atoms = Atoms(numbers=d["numbers"], positions=d["positions"], cell=d["cell"], pbc=True)
sc = make_supercell(atoms, np.array(d["matrix"]))
bohr = 1.0 / 0.529177210903
calc = Calculator("GFN2-xTB", sc.numbers, sc.positions * bohr, lattice=np.array(sc.cell) * bohr,
                  periodic=np.array([True, True, True]))
calc.set("verbosity", 0)
print(repr(float(calc.singlepoint().get("energy"))))
"""#

    static func run(_ arguments: [String], input: String) throws -> String {
        let environment = Command.inheritedEnvironment(["OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"])
        var command = Command(python, arguments, environment: environment)
        command.standardError = .null
        let result = try ChildProcess.run(command, input: input, timeout: .seconds(3600))
        guard result.status == 0 else { throw CocoaError(.executableLoad) }
        let data = Data(result.standardOutput.utf8)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
