import Foundation
import XCTest

/// Numeric options take a negative value as a separate argument, as xtb's do (`--chrg -1`), in
/// every command: where a negative value means something it is used, elsewhere `validate()`
/// names the option and the value instead of "Missing value".
final class NegativeValueCLITests: XCTestCase {
    /// Options whose value may be negative, and the command that tries one (all must succeed).
    static let negativeAllowed: [String: [String]] = [
        "sp --chrg": [],   // tested with a real anion below
        "opt --chrg": [],
        "build perovskite --surface": [], "build perovskite --centre": [], "build glass --centre": [],
    ]

    /// Every other numeric option, with the arguments its command needs to reach `validate()`.
    static let negativeRefused: [String: [String]] = [
        "sp --uhf": ["sp", "x.xyz"], "sp --etemp": ["sp", "x.xyz"], "sp --acc": ["sp", "x.xyz"],
        "sp --iterations": ["sp", "x.xyz"], "sp --threads": ["sp", "x.xyz"],
        "opt --uhf": ["opt", "x.xyz"], "opt --etemp": ["opt", "x.xyz"], "opt --acc": ["opt", "x.xyz"],
        "opt --iterations": ["opt", "x.xyz"], "opt --threads": ["opt", "x.xyz"], "opt --cycles": ["opt", "x.xyz"],
        "opt --trust-max": ["opt", "x.xyz"], "opt --trust-start": ["opt", "x.xyz"], "opt --hessian-memory": ["opt", "x.xyz"],
        "bulk --threshold": ["bulk", "x.cif"], "bulk --max-atoms": ["bulk", "x.cif"], "bulk --max-seconds": ["bulk", "x.cif"],
        "bulk --formula-units": ["bulk", "x.cif"], "bulk --relax-max-atoms": ["bulk", "x.cif"],
        "bulk --relax-cycles": ["bulk", "x.cif"], "bulk --etemp": ["bulk", "x.cif"], "bulk --acc": ["bulk", "x.cif"],
        "bulk --iterations": ["bulk", "x.cif"], "bulk --threads": ["bulk", "x.cif"],
        "build perovskite --units": ["build", "perovskite", "--cell", "c.cif", "-o", "p.extxyz"],
        "build glass --zn": ["build", "glass", "-o", "g.extxyz"], "build glass --bim": ["build", "glass", "-o", "g.extxyz"],
        "build exchange --k": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --sites": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --ligand": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --orientations": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --max": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --rmsd": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build exchange --glass-facing": ["build", "exchange", "--perovskite", "p", "--glass", "g", "--out-dir", "d"],
        "build adsorption --sites": adsorption, "build adsorption --ligand": adsorption,
        "build adsorption --orientations": adsorption, "build adsorption --max": adsorption,
        "build adsorption --rmsd": adsorption, "build adsorption --glass-facing": adsorption,
        "build check-topology --tolerance": ["build", "check-topology", "a.xyz", "b.xyz"],
        "run --grace": ["run", "j.toml"], "run --threads": ["run", "j.toml"], "run --log-interval": ["run", "j.toml"],
        "run --deadline-margin": ["run", "j.toml"],
        "simulate --ranks": ["simulate"], "simulate --tasks": ["simulate"],
        "submit --nodes": submit, "submit --ranks-per-node": ["submit", "j.toml", "--scheduler", "slurm", "--walltime", "1:00:00"],
        "submit --threads-per-rank": submit, "submit --array": submit, "submit --chain-limit": submit,
        "submit --deadline-margin": submit, "submit --grace": submit,
        "estimate --ranks": ["estimate", "j.toml"], "estimate --threads-per-rank": ["estimate", "j.toml", "--ranks", "1"],
        "merge --tolerance": ["merge", "a.sqlite", "-o", "b.sqlite"],
        "plan --cores": ["plan"], "plan --seconds": ["plan", "--cores", "1"], "plan --threads": ["plan", "--cores", "1"],
        "plan --repeat": ["plan", "--cores", "1"],
        "bench-store --rows": ["bench-store"], "bench-store --tasks": ["bench-store"],
        "bench-isolation --tasks": ["bench-isolation", "x.xyz"], "bench-isolation --rounds": ["bench-isolation", "x.xyz"],
        "engine-helper --threads": ["engine-helper"],
        "surface --vacuum": surface, "surface --threshold": surface, "surface --max-atoms": surface,
    ]
    static let surface = ["surface", "x.cif", "--miller", "001", "--termination", "CsI"]
    static let adsorption = ["build", "adsorption", "--perovskite", "p", "--glass", "g", "--out-dir", "d"]
    static let submit = ["submit", "j.toml", "--scheduler", "slurm", "--ranks-per-node", "1", "--walltime", "1:00:00"]

    /// Options that take text (paths, names, lists) and keep ArgumentParser's default parsing.
    static let textOptions: Set<String> = [
        "sp --gfn", "sp --solvent", "sp --db", "sp --engine", "opt --engine", "bulk --engine", "opt --level", "opt --freeze", "opt --gfn", "opt --solvent", "opt --db",
        "opt --output", "opt --trajectory", "opt --coordinates", "bulk --gfn", "bulk --series", "bulk --db",
        "build perovskite --cell", "build perovskite --name", "build perovskite --output", "build glass --crystal",
        "build glass --ligand", "build glass --cap", "build glass --name", "build glass --output",
        "build exchange --perovskite", "build exchange --glass", "build exchange --out-dir",
        "build adsorption --perovskite", "build adsorption --glass", "build adsorption --out-dir",
        "build nanocrystal --repeats", "build nanocrystal --output", "build nanocrystal --glass-face",
        "run --db", "run --policy", "run --deadline", "run --shard", "verdict --db", "verdict --campaign", "status --db",
        "export --db", "export --format", "export --output", "export --campaign", "simulate --db", "simulate --campaign",
        "submit --scheduler", "submit --walltime", "submit --partition", "submit --account", "submit --db",
        "submit --script", "submit --launcher", "submit --prelude", "submit --interscreen", "estimate --db",
        "estimate --shard", "merge --output", "reactions --db", "plan --sample", "bench-store --batches",
        "bench-store --dir", "compare --db", "compare --measured", "compare --campaign", "report --db", "report --out",
        "report --campaign", "report --measured", "run --isolation",
        "surface --miller", "surface --termination", "surface --gfn", "surface --layers", "surface --in-plane",
        "surface --excess-cell", "surface --phase", "surface --db", "surface --vacuum-series",
    ]

    /// Every option of every command, with its parsing strategy, from the binary's own description.
    private func allOptions() throws -> [String: String] {
        let dump = try CLIHarness().run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var options: [String: String] = [:]
        func walk(_ command: [String: Any], _ path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option" {
                let name = (argument["preferredName"] as? [String: Any])?["name"] as? String ?? "?"
                options[(path + ["--" + name]).joined(separator: " ")] = argument["parsingStrategy"] as? String
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), [])
        return options
    }

    func testEveryOptionIsClassifiedAndEveryNumericOneParsesUnconditionally() throws {
        let options = try allOptions()
        XCTAssertGreaterThan(options.count, 100)
        for (option, strategy) in options.sorted(by: { $0.key < $1.key }) {
            let numeric = Self.negativeAllowed[option] != nil || Self.negativeRefused[option] != nil
            if numeric {
                XCTAssertTrue(strategy.hasPrefix("unconditional"), "\(option) is numeric: give it parsing: .unconditional")
            } else {
                XCTAssertTrue(Self.textOptions.contains(option),
                              "\(option) is new: a numeric option takes parsing: .unconditional and joins this test's tables")
            }
        }
        for option in Array(Self.negativeAllowed.keys) + Array(Self.negativeRefused.keys) {
            XCTAssertNotNil(options[option], "\(option) is not an option of the binary any more")
        }
    }

    func testEveryOtherNumericOptionNamesItsRangeInsteadOfMissingValue() throws {
        let cli = try CLIHarness()
        for (option, arguments) in Self.negativeRefused.sorted(by: { $0.key < $1.key }) {
            let flag = String(option.split(separator: " ").last!)
            let result = try cli.run(arguments + [flag, "-1"])
            let what = "\(option) -1: \(result.stderr)"
            XCTAssertEqual(result.status, 64, what)
            XCTAssertFalse(result.stderr.contains("Missing value"), what)
            XCTAssertTrue(result.stderr.contains("\(flag) must"), what)
            XCTAssertTrue(result.stderr.contains("-1"), what)
        }
    }

    func testChargeTakesANegativeValueAsASeparateArgument() throws {
        let cli = try CLIHarness()
        let iodide = CLIHarness.fragment("iodide")
        let separate = try cli.run(["sp", iodide, "--chrg", "-1", "--db", cli.path("a.sqlite"), "--json"])
        let joined = try cli.run(["sp", iodide, "--chrg=-1", "--db", cli.path("b.sqlite"), "--json"])
        XCTAssertEqual(separate.status, 0, separate.stderr)
        XCTAssertEqual(joined.status, 0, joined.stderr)
        let a = try XCTUnwrap(separate.jsonLines.first), b = try XCTUnwrap(joined.jsonLines.first)
        XCTAssertEqual(a["charge"] as? Int, -1)
        XCTAssertEqual(a["energy_hartree"] as? Double, b["energy_hartree"] as? Double)
        let neutral = try cli.run(["sp", iodide, "--chrg", "0", "--uhf", "1", "--db", cli.path("c.sqlite"), "--json"])
        XCTAssertNotEqual(neutral.jsonLines.first?["energy_hartree"] as? Double, a["energy_hartree"] as? Double)
        let opt = try cli.run(["opt", CLIHarness.fragment("PbI3-anion"), "--chrg", "-1", "--level", "crude",
                               "--db", cli.path("d.sqlite"), "--json"])
        XCTAssertTrue([0, 2].contains(opt.status), opt.stderr)
        XCTAssertEqual(opt.jsonLines.first?["charge"] as? Int, -1, opt.stdout)
    }

    func testNegativeMillerIndicesAndCentresAsSeparateArguments() throws {
        let cli = try CLIHarness()
        let cell = CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-alpha.cif").path
        let separate = try cli.run(["build", "perovskite", "--cell", cell, "--units", "4", "--surface", "-1,1,0",
                                    "--centre", "-0.5,0.5,0.5", "-o", cli.path("a.extxyz")])
        let joined = try cli.run(["build", "perovskite", "--cell", cell, "--units", "4", "--surface=-1,1,0",
                                  "--centre=-0.5,0.5,0.5", "-o", cli.path("b.extxyz")])
        XCTAssertEqual(separate.status, 0, separate.stderr)
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertEqual(try String(contentsOfFile: cli.path("a.extxyz"), encoding: .utf8).split(separator: "\n").dropFirst(2),
                       try String(contentsOfFile: cli.path("b.extxyz"), encoding: .utf8).split(separator: "\n").dropFirst(2))
        let glass = try cli.run(["build", "glass", "--centre", "-0.25,0.5,0.5", "-o", cli.path("g.extxyz")])
        XCTAssertEqual(glass.status, 0, glass.stderr)
    }
}
