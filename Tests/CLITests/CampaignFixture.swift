import Foundation
import Structures

/// Writes a small job spec and its structure files into a test's working directory.
struct CampaignFixture {
    let cli: CLIHarness

    /// The fragments the campaign tests use (real structures from clusters/fragments).
    static let fragments = ["water", "PbI2", "iodide", "PbI3-anion", "imidazolium", "HIm", "CsI", "Cs2PbI4"]

    /// A spec over `fragments` plus `extra` structure tables, with two reactions.
    func writeSpec(name: String = "job", extraStructures: [String] = [], extraFiles: [String: String] = [:],
                   defaults: String = "gfn = 2") throws -> String {
        var tables = Self.fragments.map { "[[structures]]\nname = \"\($0)\"\nfiles = \"\(CLIHarness.fragment($0))\"\n" }
        tables += extraStructures
        for (file, text) in extraFiles {
            try text.write(toFile: cli.path(file), atomically: true, encoding: .utf8)
        }
        let spec = """
        [campaign]
        name = "\(name)"
        database = "\(name).sqlite"

        [defaults]
        \(defaults)

        \(tables.joined(separator: "\n"))
        [[reactions]]
        name = "iodide addition"
        reactants = { PbI2 = 1, iodide = 1 }
        products = { "PbI3-anion" = 1 }

        [[reactions]]
        name = "Cs2PbI4 from CsI and PbI2"
        reactants = { CsI = 2, PbI2 = 1 }
        products = { Cs2PbI4 = 1 }
        normalize = { per = "PbI2", count = 1 }
        """
        let path = cli.path("\(name).toml")
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `count` perturbed copies of the Zn complex (distinct structures), as spec tables.
    func perturbedCopies(_ count: Int, prefix: String = "zn") throws -> [String] {
        let base = try StructureFile.read(path: CLIHarness.fragment("Zn-Im2-HIm2"))
        return try (0..<count).map { i in
            var s = base
            // (atom, size) pairs are unique, and no atom moves more than a few hundredths of an Å.
            s.positions[i % s.count].y += 0.004 * Double(i / s.count + 1)
            let file = cli.path("\(prefix)-\(i).extxyz")
            try StructureFile.write(s, to: file)
            return "[[structures]]\nname = \"\(prefix)-\(i)\"\nfiles = \"\(file)\"\n"
        }
    }
}
