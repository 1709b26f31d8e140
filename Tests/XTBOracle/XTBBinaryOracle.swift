import Foundation
import Processes
import Structures
import TestSupport

/// The `xtb` program (an independent build of the same code) run as a subprocess: our oracle.
///
/// Runs in a fresh temporary directory with `--norestart` (otherwise the binary reuses an
/// `xtbrestart` file and drifts by ~3e-9 Eh) and reads energy and gradient from the Turbomole
/// `gradient` file and the gap from standard output. Periodic structures go in as POSCAR.
public struct XTBBinaryOracle {
    public struct Output {
        public var energy: Double
        public var gradient: [[Double]]
        public var gapEV: Double?
        public var stdout: String
    }

    /// The `xtb` program found on PATH; a test failure (never a skip) when it is missing.
    public static var binary: URL {
        get throws { try RequiredTool.path("xtb", install: "install it with scripts/setup (Debian: apt-get install xtb)") }
    }

    public static func run(_ structure: Structure, arguments: [String]) throws -> Output {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xtb-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = structure.isPeriodic ? "POSCAR" : "input.xyz"
        let inputText = structure.isPeriodic ? try POSCARFormat.render(structure) : plainXYZ(structure)
        try inputText.write(to: dir.appendingPathComponent(input), atomically: true, encoding: .utf8)
        let xtbArguments = [input, "--grad", "--norestart", "--chrg", "\(structure.charge)",
                            "--uhf", "\(structure.multiplicity - 1)"] + arguments
        let result = try ChildProcess.run(Command(try binary.path, xtbArguments, environment: xtbEnvironment, directory: dir.path),
                                          timeout: .seconds(1800))
        let text = result.standardOutput
        guard result.status == 0 else {
            throw OracleError("xtb \(xtbArguments) ended with \(result.termination)\(result.timedOut ? " (timed out)" : ""): "
                + "\(result.standardError.suffix(800))")
        }
        let gradientFile = try String(contentsOf: dir.appendingPathComponent("gradient"), encoding: .utf8)
        var output = try parseGradient(gradientFile, atoms: structure.count)
        output.gapEV = parseGap(text)
        output.stdout = text
        return output
    }

    /// The binary's environment: one thread, its parameter files.
    public static var xtbEnvironment: [String: String] {
        var env = Command.inheritedEnvironment(["OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"])
        env["XTBPATH"] = env["XTBPATH"] ?? "/usr/share/xtb"
        return env
    }

    /// Plain XYZ as the binary reads it (empty comment line).
    static func plainXYZ(_ s: Structure) -> String {
        var lines = ["\(s.count)", ""]
        for (z, p) in zip(s.atomicNumbers, s.positions) {
            lines.append("\(Element.symbol(z)!) \(String(format: "%.12f %.12f %.12f", p.x, p.y, p.z))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Turbomole `$grad` block: header with "SCF energy =", N coordinate lines, N gradient lines.
    static func parseGradient(_ text: String, atoms: Int) throws -> Output {
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("SCF energy") }) else {
            throw OracleError("no SCF energy in gradient file")
        }
        let fields = lines[header].components(separatedBy: "SCF energy =")[1].split(separator: " ")
        guard let energy = Double(fields[0]) else { throw OracleError("bad energy: \(lines[header])") }
        let gradientLines = lines[(header + 1 + atoms)..<(header + 1 + 2 * atoms)]
        let gradient = gradientLines.map { line in
            line.split(separator: " ").map { Double($0.replacingOccurrences(of: "D", with: "E"))! }
        }
        return Output(energy: energy, gradient: gradient, gapEV: nil, stdout: "")
    }

    /// "| HOMO-LUMO GAP   14.874726069590 eV |" from the summary block.
    public static func parseGap(_ text: String) -> Double? {
        guard let line = text.split(separator: "\n").last(where: { $0.contains("HOMO-LUMO GAP") }) else { return nil }
        return line.split(separator: " ").compactMap { Double($0) }.first
    }

    /// "| TOTAL ENERGY  -5.070357940255 Eh |": 12 decimals, more than the gradient file's 11.
    public static func parseTotalEnergy(_ text: String) -> Double? {
        guard let line = text.split(separator: "\n").last(where: { $0.contains("TOTAL ENERGY") }) else { return nil }
        return line.split(separator: " ").compactMap { Double($0) }.first
    }
}

public struct OracleError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
