import Foundation
import Processes
import Structures
import XTBOracle

/// `xtb --opt LEVEL` (the binary, --norestart, fresh temporary directory, one thread) as the
/// oracle for optimisations, and deterministic perturbations so both programs start alike.
enum OptimizationOracle {
    struct Output {
        var energy: Double
        var converged: Bool
        var cycles: Int?
        var structure: Structure
        var stdout: String
    }

    static func optimize(_ structure: Structure, level: String, extra: [String] = []) throws -> Output {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xtb-opt-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try plainXYZ(structure).write(to: dir.appendingPathComponent("input.xyz"), atomically: true, encoding: .utf8)
        var command = Command(try XTBBinaryOracle.binary.path, ["input.xyz", "--opt", level, "--norestart", "--chrg", "\(structure.charge)",
                                               "--uhf", "\(structure.multiplicity - 1)"] + extra,
                              environment: XTBBinaryOracle.xtbEnvironment, directory: dir.path)
        command.standardError = .null
        let result = try ChildProcess.run(command, timeout: .seconds(3600))
        let text = result.standardOutput
        guard result.status == 0 else {
            throw OptimizationOracleError("xtb --opt ended with \(result.termination): \(text.suffix(800))")
        }
        guard let energy = XTBBinaryOracle.parseTotalEnergy(text) else {
            throw OptimizationOracleError("no TOTAL ENERGY in xtb output")
        }
        var optimized = try XYZFormat.readAll(try String(contentsOf: dir.appendingPathComponent("xtbopt.xyz"),
                                                         encoding: .utf8), file: "xtbopt.xyz", name: structure.name)[0].structure
        optimized.charge = structure.charge
        optimized.multiplicity = structure.multiplicity
        let converged = text.contains("GEOMETRY OPTIMIZATION CONVERGED")
        return Output(energy: energy, converged: converged, cycles: cycles(text), structure: optimized, stdout: text)
    }

    /// "CONVERGED AFTER 12 ITERATIONS" / "FAILED TO CONVERGE … IN 200 ITERATIONS".
    static func cycles(_ text: String) -> Int? {
        for marker in ["CONVERGED AFTER", "OPTIMIZATION IN"] {
            if let range = text.range(of: marker) {
                return text[range.upperBound...].split(separator: " ").compactMap { Int($0) }.first
            }
        }
        return nil
    }

    /// The values of ANCopt's SETUP block: energy and gradient thresholds and the cycle cap.
    static func setup(_ text: String) -> (energy: Double, gradient: Double, cycles: Int)? {
        func value(_ label: String) -> String? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }) else { return nil }
            return line.split(separator: " ").map(String.init).first { Double($0) != nil || Int($0) != nil }
        }
        guard let e = value("energy convergence").flatMap(Double.init),
              let g = value("grad. convergence").flatMap(Double.init),
              let c = value("max. optcycles").flatMap(Int.init) else { return nil }
        return (e, g, c)
    }

    /// Plain XYZ with 12 decimals (both programs then start from exactly these numbers).
    static func plainXYZ(_ s: Structure) -> String {
        var lines = ["\(s.count)", s.name]
        for (z, p) in zip(s.atomicNumbers, s.positions) {
            lines.append("\(Element.symbol(z)!) \(String(format: "%.12f %.12f %.12f", p.x, p.y, p.z))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Moves every atom by a deterministic pseudo-random vector of at most `amplitude` Å per
    /// component (a fixed linear congruential sequence), rounded to 1e-8 Å so that the binary,
    /// reading 12 decimals, starts from the same coordinates.
    static func perturbed(_ s: Structure, amplitude: Double = 0.1, seed: UInt64 = 20260301) -> Structure {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        var out = s
        out.positions = s.positions.map { p in
            let d = Vec3(next(), next(), next()) * amplitude
            let q = p + d
            return Vec3((q.x * 1e8).rounded() / 1e8, (q.y * 1e8).rounded() / 1e8, (q.z * 1e8).rounded() / 1e8)
        }
        return out
    }

    static func fragment(_ name: String) throws -> Structure {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try StructureFile.read(path: root.appendingPathComponent("clusters/fragments/\(name).extxyz").path)
    }
}

struct OptimizationOracleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
