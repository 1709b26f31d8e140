import XCTest
@testable import Campaign

final class ZZPrintTests: XCTestCase {
    func testPrint() throws {
        let sandbox = try SpecSandbox()
        try sandbox.write("water.xyz", SpecSandbox.water)
        try sandbox.write("H2.xyz", SpecSandbox.hydrogen)
        let specs = ["""
        [campaign]
        name = "demo"
        databse = "demo.sqlite"

        [defaults]
        gfn = 3
        opt_level = "thight"

        [[structures]]
        name = "water"
        files = "water.xyz"
        chrage = 0

        [[structures]]
        name = "H2"
        files = "H2.xyz"

        [[structures]]
        files = "cells/*.cif"

        [[reactions]]
        name = "split water"
        reactants = { water = 1 }
        products = { H2 = 1, O2 = 0.5 }

        [[reactions]]
        name = "bad"
        reactants = { water = 1 }
        products = { H2 = 1 }
        normalize = { per = "x", from = "water" }
        """, "[campaign]\nname = \"x\"\nfoo = = 1\n", "[campaign]\nname = \"x\"\n[[structures]]\nfiles=\"water.xyz\"\n[[structures]]\nfiles=\"water.xyz\"\n", "[structures]\nfiles = 'x'\n[campaign]\nname = 'y'\n[reactions]\nx = 1\n", "campaign = { name = 3 }\nstructures = [{ files = 'water.xyz', solvent = '' }]\n[[reactions]]\nname='r'\nreactants={}\nproducts={water=1}\nnormalize = { per = 'u', count = 1, from = 'water' }\n"]
        for s in specs {
            do { _ = try sandbox.parse(s); print("PARSED") } catch { print("-----\n\(error)") }
        }
    }
}
