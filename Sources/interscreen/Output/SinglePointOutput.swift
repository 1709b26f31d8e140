import Engine
import Foundation
import Store
import Structures
import Work

/// Where `sp` reports each outcome as soon as it is stored.
protocol SinglePointOutput {
    func begin()
    func emit(_ outcome: SinglePointOutcome)
    func end(total: Int, failures: Int)
}

/// Writes a line to standard output and flushes it (rows must not wait in a buffer if killed).
func printFlushed(_ line: String) {
    print(line)
    fflush(nil)
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A fixed-width table, one row per structure, streamed.
struct TableOutput: SinglePointOutput {
    private let columns: [(String, Int)] = [
        ("structure", 28), ("atoms", 6), ("formula", 14), ("E/Eh", 18), ("|grad|/Eh/a0", 13),
        ("gap/eV", 8), ("time/s", 8), ("status", 0),
    ]

    func begin() {
        printFlushed(row(columns.map(\.0)))
    }

    func emit(_ outcome: SinglePointOutcome) {
        let name = outcome.structure?.name ?? URL(fileURLWithPath: outcome.file).lastPathComponent
        let atoms = outcome.structure.map { "\($0.count)" } ?? "-"
        let formula = outcome.structure?.formula ?? "-"
        switch outcome.status {
        case .failed(let failureClass, let message):
            printFlushed(row([name, atoms, formula, "-", "-", "-", "-", "FAILED (\(failureClass.rawValue))"]))
            printError("error: \(message)")
        case .computed, .cached:
            guard let r = outcome.record else { return }
            var status = if case .cached = outcome.status { "cached" } else { "computed" }
            if !outcome.flags.isEmpty { status += " [\(outcome.flags.map(\.text).joined(separator: "; "))]" }
            printFlushed(row([
                name, atoms, formula, String(format: "%.10f", r.energyHartree),
                String(format: "%.6f", r.gradientNorm), r.gapEV.map { String(format: "%.4f", $0) } ?? "-",
                String(format: "%.3f", r.wallSeconds), status,
            ]))
        }
    }

    func end(total: Int, failures: Int) {
        printFlushed("\(total - failures) of \(total) structures done, \(failures) failed")
    }

    private func row(_ cells: [String]) -> String {
        zip(cells, columns).map { cell, column in
            column.1 == 0 ? cell : cell.padding(toLength: max(column.1, cell.count), withPad: " ", startingAt: 0)
        }.joined(separator: " ")
    }
}

/// One JSON object per structure (JSON Lines), keys in snake_case.
struct JSONLinesOutput: SinglePointOutput {
    func begin() {}
    func end(total: Int, failures: Int) {}

    func emit(_ outcome: SinglePointOutcome) {
        var object: [String: Any] = ["file": outcome.file, "method": outcome.settings.method.rawValue,
                                     "settings_hash": outcome.settings.hash]
        if let s = outcome.structure {
            object["name"] = s.name
            object["natoms"] = s.count
            object["formula"] = s.formula
            object["charge"] = s.charge
            object["multiplicity"] = s.multiplicity
        }
        if let hash = outcome.structureHash { object["hash"] = hash }
        switch outcome.status {
        case .failed(let failureClass, let message):
            object["ok"] = false
            object["failure_class"] = failureClass.rawValue
            object["attempts"] = outcome.attempts
            object["error"] = message
        case .computed, .cached:
            guard let r = outcome.record else { return }
            object["ok"] = true
            object["cached"] = { if case .cached = outcome.status { true } else { false } }()
            object["calculation_id"] = r.id
            object["energy_hartree"] = r.energyHartree
            object["energy_kj_mol"] = r.energyHartree * Units.kJPerMolPerHartree
            object["gradient_norm"] = r.gradientNorm
            object["gap_ev"] = r.gapEV ?? NSNull()
            object["wall_seconds"] = r.wallSeconds
            object["engine_version"] = r.engineVersion
            object["engine"] = r.engine
            object["settings_used_hash"] = r.settingsHash
            object["attempts"] = outcome.attempts
            object["flags"] = outcome.flags.map(\.text)
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        printFlushed(String(decoding: data, as: UTF8.self))
    }
}
