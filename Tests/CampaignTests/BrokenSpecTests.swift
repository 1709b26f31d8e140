import Foundation
import XCTest
@testable import Campaign

/// Broken specs, each with the line and message fragment it must be rejected with.
final class BrokenSpecTests: XCTestCase {
    private var sandbox: SpecSandbox!

    override func setUpWithError() throws {
        sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        try sandbox.write("H2.xyz", SpecSandbox.hydrogen)
    }

    /// A valid spec (lines 1–11) that the cases append to.
    private let base = """
        [campaign]
        name = "broken"

        [[structures]]
        name = "water"
        files = "water.xyz"

        [[structures]]
        name = "H2"
        files = "H2.xyz"
        formula_units = 1

        """

    private struct Case {
        var name: String
        var spec: String
        var line: Int
        var fragment: String
    }

    private var corpus: [Case] {
        [
            Case(name: "syntax error", spec: "[campaign]\nname = \"x\"\ndatabase = = \"y\"\n", line: 3,
                 fragment: "TOML syntax error (column"),
            Case(name: "unknown key with suggestion", spec: base + "\n[[structures]]\nname = \"w2\"\nfiles = \"water.xyz\"\nchrage = 0\n",
                 line: 16, fragment: "unknown key `chrage` in [[structures]] (did you mean `charge`?)"),
            Case(name: "unknown key in defaults", spec: base + "\n[defaults]\netmp = 500\n", line: 14,
                 fragment: "unknown key `etmp` in [defaults] (did you mean `etemp`?)"),
            Case(name: "misplaced key", spec: base + "\n[defaults]\ncharge = 1\n", line: 14,
                 fragment: "unknown key `charge` in [defaults] (`charge` belongs in [[structures]])"),
            Case(name: "unknown top-level table", spec: base + "\n[[reaction]]\nname = \"r\"\n", line: 13,
                 fragment: "unknown key `reaction` in the spec's top level (did you mean `reactions`?)"),
            Case(name: "missing file", spec: base + "\n[[structures]]\nname = \"gone\"\nfiles = \"nothere.xyz\"\n",
                 line: 15, fragment: "structure file \"nothere.xyz\" does not exist"),
            Case(name: "empty glob", spec: base + "\n[[structures]]\nfiles = \"cells/*.cif\"\n", line: 14,
                 fragment: "`files` pattern \"cells/*.cif\" matches no structure file"),
            Case(name: "missing files key", spec: base + "\n[[structures]]\nname = \"x\"\n", line: 13,
                 fragment: "[[structures]] needs `files`"),
            Case(name: "undefined structure in a reaction",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { watr = 1 }\nproducts = { water = 1 }\n",
                 line: 15, fragment: "`reactants` names \"watr\", which is not a structure of this spec (did you mean `water`?)"),
            Case(name: "unbalanced atoms",
                 spec: base + "\n[[reactions]]\nname = \"split\"\nreactants = { water = 1 }\nproducts = { H2 = 1 }\n",
                 line: 13, fragment: "reaction \"split\": atoms do not balance: O: 1 in the reactants, 0 in the products (1 more in the reactants)"),
            Case(name: "unbalanced stoichiometry",
                 spec: base + "\n[[reactions]]\nname = \"h\"\nreactants = { H2 = 1 }\nproducts = { H2 = 2 }\n",
                 line: 13, fragment: "H: 2 in the reactants, 4 in the products (2 more in the products)"),
            Case(name: "unbalanced charge",
                 spec: base + "\n[[structures]]\nname = \"H2+\"\nfiles = \"H2.xyz\"\ncharge = 1\nmultiplicity = 2\n"
                    + "\n[[reactions]]\nname = \"ionise\"\nreactants = { H2 = 1 }\nproducts = { \"H2+\" = 1 }\n",
                 line: 19, fragment: "charge does not balance: charge: 0 in the reactants, 1 in the products"),
            Case(name: "coefficient not positive",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { H2 = -1 }\nproducts = { H2 = 1 }\n",
                 line: 15, fragment: "`H2` (a stoichiometric coefficient) must be positive, not -1.0"),
            Case(name: "coefficient not numeric",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { H2 = \"one\" }\nproducts = { H2 = 1 }\n",
                 line: 15, fragment: "`H2` must be a number, not a string (\"one\")"),
            Case(name: "from without formula_units",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { water = 1 }\nproducts = { water = 1 }\n"
                    + "normalize = { per = \"H2O\", from = \"water\" }\n",
                 line: 17, fragment: "`from` structure \"water\" has no formula_units: add formula_units to its [[structures]] table (line 4)"),
            Case(name: "normalize without count or from",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { H2 = 1 }\nproducts = { H2 = 1 }\nnormalize = { per = \"H2\" }\n",
                 line: 17, fragment: "`normalize` needs `count` (a number of units) or `from`"),
            Case(name: "bad gfn", spec: base + "\n[defaults]\ngfn = 3\n", line: 14,
                 fragment: "`gfn` must be 2, 1, 0 or \"ff\", not an integer (3)"),
            Case(name: "bad opt_level", spec: base + "\n[defaults]\nopt_level = \"thight\"\n", line: 14,
                 fragment: "`opt_level` must be one of \"crude\", \"sloppy\", \"loose\", \"lax\", \"normal\", \"tight\", \"vtight\", \"extreme\", not \"thight\". Did you mean \"tight\"?"),
            Case(name: "bad task", spec: base + "\n[defaults]\ntask = \"opt\"\n", line: 14,
                 fragment: "`task` must be one of \"sp\", \"opt+sp\", not \"opt\""),
            Case(name: "accuracy out of range", spec: base + "\n[defaults]\naccuracy = 1e-5\n", line: 14,
                 fragment: "`accuracy` must be between 0.0001 and 1000 (xtb's range), not 1e-05"),
            Case(name: "etemp not positive", spec: base + "\n[defaults]\netemp = 0\n", line: 14,
                 fragment: "`etemp` must be a positive temperature in K, not 0.0"),
            Case(name: "max_iterations below 1", spec: base + "\n[defaults]\nmax_iterations = 0\n", line: 14,
                 fragment: "`max_iterations` must be at least 1, not 0"),
            Case(name: "max_cycles below 1", spec: base + "\n[defaults]\nmax_cycles = -3\n", line: 14,
                 fragment: "`max_cycles` must be at least 1, not -3"),
            Case(name: "bad freeze", spec: base + "\n[defaults]\nfreeze = \"1-x\"\n", line: 14,
                 fragment: "`freeze` is not a valid frozen-atom spec: "),
            Case(name: "wrong value type", spec: base + "\n[[structures]]\nname = \"w3\"\nfiles = \"water.xyz\"\ncharge = \"0\"\n",
                 line: 16, fragment: "`charge` must be an integer, not a string (\"0\")"),
            Case(name: "duplicate structure name", spec: base + "\n[[structures]]\nname = \"water\"\nfiles = \"water.xyz\"\n",
                 line: 13, fragment: "duplicate structure name \"water\" (first defined at line 4)"),
            Case(name: "duplicate reaction name",
                 spec: base + "\n[[reactions]]\nname = \"r\"\nreactants = { H2 = 1 }\nproducts = { H2 = 1 }\n"
                    + "\n[[reactions]]\nname = \"r\"\nreactants = { H2 = 1 }\nproducts = { H2 = 1 }\n",
                 line: 19, fragment: "duplicate reaction name \"r\" (first defined at line 13)"),
            Case(name: "missing campaign name", spec: base.replacingOccurrences(of: "name = \"broken\"", with: "database = \"x.sqlite\""),
                 line: 1, fragment: "[campaign] needs `name`"),
            Case(name: "no structures", spec: "[campaign]\nname = \"empty\"\n", line: 1,
                 fragment: "the spec names no structures"),
            Case(name: "verdict n against the fragment's formula units", spec: base + Self.verdictTail(units: 8),
                 line: 34, fragment: "[[verdicts]] \"v\": formula_units = 8, but reaction \"iface a\" consumes 1 formula units (H2: 1)"),
            Case(name: "bulk_converged not a boolean", spec: base + Self.verdictTail(units: 1) + "bulk_converged = \"yes\"\n",
                 line: 35, fragment: "`bulk_converged` must be true or false"),
            Case(name: "nanocrystal pattern that matches no structure",
                 spec: base + Self.verdictTail(units: 1) + "nanocrystals = { active = \"H2\", inactive = \"nothing_*\" }\n",
                 line: 35, fragment: "`nanocrystals.inactive` pattern \"nothing_*\" matches no structure of this spec"),
            Case(name: "nanocrystal coverage out of range",
                 spec: base + Self.verdictTail(units: 1) + "nanocrystals = { active = \"H2\", inactive = \"water\", coverage = 2 }\n",
                 line: 35, fragment: "`coverage` must be in (0, 1] (exchanges per surface B site)"),
            Case(name: "face exchange pattern that matches no reaction",
                 spec: base + Self.verdictTail(units: 1)
                    + "nanocrystals = { active = \"H2\", inactive = \"water\", face_active = \"iface a\", face_inactive = \"face *\" }\n",
                 line: 35, fragment: "`nanocrystals.face_inactive` pattern \"face *\" matches no reaction of this spec"),
            Case(name: "duplicate verdict name",
                 spec: base + Self.verdictTail(units: 1) + "\n[[verdicts]]\nname = \"v\"\nactive_phase = \"gamma\"\n"
                    + "active = \"iface a\"\ninactive = \"iface d\"\nbulk = \"bulk\"\nformula_units = 1\n",
                 line: 37, fragment: "duplicate verdict name \"v\" (first defined at line 29)"),
            Case(name: "name for a multi-file glob",
                 spec: base + "\n[[structures]]\nname = \"both\"\nfiles = \"*.xyz\"\n", line: 14,
                 fragment: "`name` \"both\" stands for one structure but `files` matches 2 files"),
        ]
    }

    /// Reactions of H2 (formula_units = 1) and a verdict over them with `units` formula units (line 34).
    private static func verdictTail(units: Int) -> String {
        """

        [[reactions]]
        name = "bulk"
        reactants = { H2 = 1 }
        products = { H2 = 1 }
        normalize = { per = "H2", from = "H2" }

        [[reactions]]
        name = "iface a"
        reactants = { H2 = 1, water = 1 }
        products = { H2 = 1, water = 1 }

        [[reactions]]
        name = "iface d"
        reactants = { H2 = 1, water = 1 }
        products = { H2 = 1, water = 1 }

        [[verdicts]]
        name = "v"
        active = "iface a"
        inactive = "iface d"
        bulk = "bulk"
        formula_units = \(units)

        """
    }

    /// The verdict tail is valid when n matches the fragment; bulk_converged is read.
    func testVerdictWithMatchingUnitsParses() throws {
        let url = try sandbox.write("ok.toml", base + Self.verdictTail(units: 1) + "bulk_converged = false\n")
        let spec = try JobSpecParser.parse(path: url)
        XCTAssertEqual(spec.verdicts.map(\.bulkConverged), [false])
        XCTAssertNil(spec.verdicts[0].nanocrystals)
    }

    /// `nanocrystals` names each phase's blocks by structure-name pattern; coverage defaults to 1.
    func testVerdictNanocrystalsAreRead() throws {
        let url = try sandbox.write("nc.toml", base + Self.verdictTail(units: 1)
            + "nanocrystals = { active = \"H*\", inactive = \"wat?r\" }\n")
        let spec = try JobSpecParser.parse(path: url)
        XCTAssertEqual(spec.verdicts[0].nanocrystals, VerdictSpec.Nanocrystals(active: "H*", inactive: "wat?r", coverage: 1))
    }

    /// `face_active` / `face_inactive` name each phase's exchanges on block faces (reaction patterns).
    func testVerdictFaceExchangesAreRead() throws {
        let url = try sandbox.write("face.toml", base + Self.verdictTail(units: 1)
            + "nanocrystals = { active = \"H*\", inactive = \"wat?r\", face_active = \"iface a\", face_inactive = \"iface ?\" }\n")
        let spec = try JobSpecParser.parse(path: url)
        XCTAssertEqual(spec.verdicts[0].nanocrystals, VerdictSpec.Nanocrystals(active: "H*", inactive: "wat?r", coverage: 1,
                                                                                faceActive: "iface a", faceInactive: "iface ?"))
        let one = try sandbox.write("face1.toml", base + Self.verdictTail(units: 1)
            + "nanocrystals = { active = \"H*\", inactive = \"wat?r\", face_active = \"iface a\" }\n")
        XCTAssertEqual(try JobSpecParser.parse(path: one).verdicts[0].nanocrystals?.faceInactive, nil,
                       "one phase's face exchanges alone are allowed; the other phase has none")
    }

    func testEachBrokenSpecIsRejectedAtItsLine() throws {
        for c in corpus {
            let problems = try sandbox.problems(c.spec)
            let hit = problems.first { $0.message.contains(c.fragment) }
            XCTAssertNotNil(hit, "\(c.name): no problem contains «\(c.fragment)»; got \(problems)")
            XCTAssertEqual(hit?.line, c.line, "\(c.name): \(problems)")
            XCTAssertEqual(hit?.file, (sandbox.directory as NSString).appendingPathComponent("spec.toml"), c.name)
        }
    }

    func testEveryProblemIsReportedInLineOrder() throws {
        let spec = base + """

            [defaults]
            gfn = "fff"
            etemp = -1

            [[structures]]
            name = "gone"
            files = "nothere.xyz"

            [[reactions]]
            name = "r"
            reactants = { nobody = 1 }
            products = { H2 = 1 }

            """
        let problems = try sandbox.problems(spec)
        XCTAssertEqual(problems.map(\.line), [14, 15, 19, 23], "\(problems)")
        let error = JobSpecError(problems: problems)
        let path = (sandbox.directory as NSString).appendingPathComponent("spec.toml")
        XCTAssertTrue(error.description.hasPrefix("\(path):14: `gfn` must be 2, 1, 0 or \"ff\""), error.description)
        XCTAssertEqual(error.description.split(separator: "\n").count, 4)
    }

    func testUnreadableSpecFile() {
        XCTAssertThrowsError(try JobSpecParser.parse(path: "/nonexistent/spec.toml")) { error in
            XCTAssertEqual((error as? JobSpecError)?.description, "/nonexistent/spec.toml: no such spec file")
        }
    }
}
