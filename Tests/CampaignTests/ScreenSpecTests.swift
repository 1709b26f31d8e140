import Foundation
import Structures
import XCTest
@testable import Campaign

/// A `[screen]` pairing matrix expands into fragments, bulk cells, products, reactions and one
/// verdict per pairing, deterministically, from the repository's cells.
final class ScreenSpecTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func spec(cells: String = "\(repository)/clusters/bulk", treatment: String = "frozen framework",
                     units: String = "8") -> String {
        """
        [campaign]
        name = "matrix"

        [screen]
        k = [1]
        sites = 2
        orientations = 1
        protocol = "\(treatment)"

        [[perovskites]]
        name = "CsPbI3"
        units = \(units)
        active = { phase = "alpha", cell = "\(cells)/CsPbI3-alpha.cif", bulk = "2x2x2" }
        inactive = { phase = "delta", cell = "\(cells)/CsPbI3-delta.cif", bulk = "1x2x1" }

        [[glasses]]
        name = "ZIF-4"
        crystal = "\(repository)/clusters/glass/ZIF-4-crystal.extxyz"
        zn = 1

        [[glasses]]
        name = "ZIF-62"
        crystal = "\(repository)/clusters/glass/ZIF-4-crystal.extxyz"
        zn = 1
        bim = 1
        """
    }

    func testAMatrixExpandsIntoPairingsReactionsAndVerdicts() throws {
        let sandbox = try SpecSandbox()
        let job = try sandbox.parse(Self.spec())
        XCTAssertEqual(job.pairings.map(\.name), ["CsPbI3/ZIF-4", "CsPbI3/ZIF-62"])
        XCTAssertTrue(job.pairings.allSatisfy { $0.activeProducts > 0 && $0.inactiveProducts > 0 }, "\(job.pairings)")
        XCTAssertEqual(job.invalidStructures.map(\.name), [])
        let names = Set(job.structures.map(\.name))
        for name in ["CsPbI3-alpha-8fu", "CsPbI3-delta-8fu", "CsPbI3-alpha-bulk", "CsPbI3-delta-bulk", "ZIF-4", "ZIF-62"] {
            XCTAssertTrue(names.contains(name), "missing \(name) in \(names.sorted())")
        }
        let byName = Dictionary(uniqueKeysWithValues: job.structures.map { ($0.name, $0) })
        XCTAssertEqual(byName["CsPbI3-alpha-bulk"]?.structure.count, 40)
        XCTAssertEqual(byName["CsPbI3-delta-bulk"]?.structure.count, 40)
        XCTAssertEqual(byName["ZIF-4"]?.method.recipe, .optimizeThenSinglePoint)

        // The bulk reaction: 8 units of alpha → 8 of delta, per CsPbI3.
        let bulk = try XCTUnwrap(job.reactions.first { $0.name == "bulk CsPbI3 delta-alpha" })
        XCTAssertEqual(bulk.normalization?.count, 8)
        XCTAssertEqual(bulk.reactants.map(\.coefficient), [1])

        // Every generated reaction balances atoms and charge.
        for reaction in job.reactions {
            XCTAssertEqual(ReactionBalance.problems(reactants: reaction.reactants, products: reaction.products,
                                                    structure: { byName[$0]?.structure }), [], reaction.name)
        }
        // Products are optimised with the perovskite framework frozen.
        let products = job.structures.filter { $0.name.contains("_k1_") }
        XCTAssertFalse(products.isEmpty)
        for product in products {
            XCTAssertEqual(product.method.recipe, .optimizeThenSinglePoint)
            XCTAssertEqual(product.method.freeze, "1-39", product.name)
        }
        // One verdict per pairing whose patterns pick exactly that pairing's reactions.
        XCTAssertEqual(job.verdicts.map(\.name), ["CsPbI3/ZIF-4", "CsPbI3/ZIF-62"])
        for verdict in job.verdicts {
            let active = job.reactions.filter { ReactionPattern.matches(verdict.activeReactions, $0.name) }
            XCTAssertEqual(active.count, job.pairings.first { $0.name == verdict.name }?.activeProducts)
            XCTAssertTrue(active.allSatisfy { $0.name.hasPrefix("interface \(verdict.name) alpha ") })
            XCTAssertEqual(verdict.bulkReaction, "bulk CsPbI3 delta-alpha")
            XCTAssertEqual(verdict.formulaUnits, 8)
        }
    }

    func testTheExpansionIsDeterministic() throws {
        let sandbox = try SpecSandbox()
        let a = try sandbox.parse(Self.spec(treatment: "unrelaxed"))
        let b = try sandbox.parse(Self.spec(treatment: "unrelaxed"))
        XCTAssertEqual(a.structures.map(\.structure.contentHash), b.structures.map(\.structure.contentHash))
        XCTAssertTrue(a.structures.allSatisfy { $0.method.recipe == .singlePoint && $0.method.freeze == nil })
    }

    func testAMissingCellIsASpecErrorAtItsLine() throws {
        let sandbox = try SpecSandbox()
        let problems = try sandbox.problems(Self.spec(cells: "/nonexistent"))
        XCTAssertEqual(problems.map(\.line), [13, 14], "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.message.contains("does not exist") }, "\(problems)")
    }

    func testEachFragmentSizeGetsItsOwnProductsAndVerdict() throws {
        let sandbox = try SpecSandbox()
        let job = try sandbox.parse(Self.spec(treatment: "unrelaxed", units: "[6, 8]"))
        XCTAssertEqual(job.pairings.map(\.name), ["CsPbI3/ZIF-4", "CsPbI3/ZIF-62"], "one pairing, several sizes")
        let names = job.structures.map(\.name)
        for name in ["CsPbI3-alpha-6fu", "CsPbI3-alpha-8fu", "CsPbI3-delta-6fu", "CsPbI3-delta-8fu"] {
            XCTAssertTrue(names.contains(name), "missing \(name)")
        }
        XCTAssertEqual(names.filter { $0.hasSuffix("-bulk") }.count, 2, "one bulk cell per phase whatever the sizes")
        XCTAssertEqual(job.verdicts.map(\.name), ["CsPbI3/ZIF-4 6fu", "CsPbI3/ZIF-4 8fu", "CsPbI3/ZIF-62 6fu", "CsPbI3/ZIF-62 8fu"])
        for pairing in job.pairings {
            let verdicts = job.verdicts.filter { ScreenNames.pairingAndSize(ofVerdict: $0.name).pairing == pairing.name }
            var counted = 0
            for verdict in verdicts {
                let units = try XCTUnwrap(ScreenNames.pairingAndSize(ofVerdict: verdict.name).units)
                XCTAssertEqual(verdict.formulaUnits, Double(units))
                let active = job.reactions.filter { ReactionPattern.matches(verdict.activeReactions, $0.name) }
                let inactive = job.reactions.filter { ReactionPattern.matches(verdict.inactiveReactions, $0.name) }
                XCTAssertFalse(active.isEmpty || inactive.isEmpty, verdict.name)
                // Each size's verdict takes exactly the reactions of its own fragments.
                XCTAssertTrue(active.allSatisfy { $0.reactants.contains { $0.name == "CsPbI3-alpha-\(units)fu" } }, verdict.name)
                XCTAssertTrue(inactive.allSatisfy { $0.reactants.contains { $0.name == "CsPbI3-delta-\(units)fu" } }, verdict.name)
                counted += active.count
            }
            XCTAssertEqual(counted, pairing.activeProducts, pairing.name)
        }
        XCTAssertEqual(ScreenNames.pairingAndSize(ofVerdict: "CsPbI3/ZIF-62").units, nil)
    }

    func testBadFragmentSizesAreSpecErrors() throws {
        let sandbox = try SpecSandbox()
        for units in ["[8, 8]", "1", "[]", "\"8\""] {
            let problems = try sandbox.problems(Self.spec(cells: "/nonexistent", units: units))
            XCTAssertTrue(problems.contains { $0.line == 12 && $0.message.contains("`units`") }, "\(units): \(problems)")
        }
    }

    func testMaxProductsAndLigandsBoundTheEnumeration() throws {
        let sandbox = try SpecSandbox()
        let full = try sandbox.parse(Self.spec(treatment: "unrelaxed"))
        let bounded = Self.spec(treatment: "unrelaxed")
            .replacingOccurrences(of: "orientations = 1", with: "orientations = 1\nmax_products = 1")
            .replacingOccurrences(of: "name = \"ZIF-4\"", with: "name = \"ZIF-4\"\nligands = [2]")
        let job = try sandbox.parse(bounded)
        for pairing in full.pairings {
            XCTAssertGreaterThan(pairing.activeProducts + pairing.inactiveProducts, 2, "the unbounded matrix has more to cut")
        }
        XCTAssertEqual(job.pairings.map(\.activeProducts), [1, 1])
        XCTAssertEqual(job.pairings.map(\.inactiveProducts), [1, 1])
        let zif4 = job.structures.map(\.name).filter { $0.contains("_ZIF-4_k1_") }
        XCTAssertEqual(zif4.count, 2, "\(zif4)")
        XCTAssertTrue(zif4.allSatisfy { $0.contains("_im2_") }, "only ligand 2 moves: \(zif4)")
    }

    func testBadBoundsAreSpecErrors() throws {
        let sandbox = try SpecSandbox()
        let spec = Self.spec(cells: "/nonexistent")
            .replacingOccurrences(of: "orientations = 1", with: "orientations = 1\nmax_products = 0")
            .replacingOccurrences(of: "name = \"ZIF-4\"", with: "name = \"ZIF-4\"\nligands = [2, 2]")
        let problems = try sandbox.problems(spec)
        XCTAssertTrue(problems.contains { $0.line == 8 && $0.message.contains("max_products") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.line == 19 && $0.message.contains("ligands") }, "\(problems)")
    }

    /// `bulk_converged` on a perovskite reaches every verdict of its pairings (as on [[verdicts]]);
    /// a non-boolean is refused at its line (unset, it stays "not checked": testAlsoActive…).
    func testBulkConvergedReachesTheScreenVerdicts() throws {
        let sandbox = try SpecSandbox()
        let flagged = Self.spec(treatment: "unrelaxed").replacingOccurrences(
            of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\" }\nbulk_converged = false")
        let job = try sandbox.parse(flagged)
        XCTAssertEqual(job.verdicts.map(\.bulkConverged), [false, false])
        XCTAssertEqual(job.verdicts.map(\.name), ["CsPbI3/ZIF-4", "CsPbI3/ZIF-62"])
        let bad = Self.spec(cells: "/nonexistent").replacingOccurrences(
            of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\" }\nbulk_converged = \"yes\"")
        let problems = try sandbox.problems(bad)
        XCTAssertTrue(problems.contains { $0.line == 15 && $0.message.contains("`bulk_converged` must be true or false") },
                      "\(problems)")
    }

    /// `also_active`: γ beside α against δ. Each active phase gets its own fragment, bulk reaction,
    /// products and verdict (the second named after its phase), against one set of δ products.
    func testAlsoActiveGivesEachActivePhaseItsOwnVerdict() throws {
        let sandbox = try SpecSandbox()
        let spec = Self.spec(treatment: "unrelaxed")
            .replacingOccurrences(of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\" }\nalso_active = "
                + "[{ phase = \"gamma\", cell = \"\(Self.repository)/clusters/bulk/CsPbI3-gamma.cif\", bulk = \"1x1x2\", "
                + "bulk_converged = false }]")
            .components(separatedBy: "\n\n[[glasses]]\nname = \"ZIF-62\"").first!
        let job = try sandbox.parse(spec)
        XCTAssertEqual(job.invalidStructures.map(\.name), [])
        XCTAssertEqual(job.verdicts.map(\.name), ["CsPbI3/ZIF-4", "CsPbI3/ZIF-4 gamma"])
        XCTAssertEqual(job.verdicts.map(\.activePhase), ["alpha", "gamma"])
        XCTAssertEqual(job.verdicts.map(\.inactivePhase), ["delta", "delta"])
        XCTAssertEqual(job.verdicts.map(\.bulkConverged), [nil, false], "α not said: not checked; γ's own flag")
        XCTAssertEqual(job.verdicts.map(\.bulkReaction), ["bulk CsPbI3 delta-alpha", "bulk CsPbI3 delta-gamma"])
        XCTAssertEqual(job.verdicts[0].inactiveReactions, job.verdicts[1].inactiveReactions, "one set of δ products")
        let names = job.structures.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "no structure twice: \(names)")
        XCTAssertTrue(names.contains("CsPbI3-gamma-8fu") && names.contains("CsPbI3-gamma-bulk"), "\(names)")
        for verdict in job.verdicts {
            XCTAssertTrue(job.reactions.contains { ReactionPattern.matches(verdict.activeReactions, $0.name) }, verdict.name)
        }
        let bad = Self.spec(cells: "/nonexistent").replacingOccurrences(
            of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\" }\nalso_active = { phase = \"gamma\" }")
        XCTAssertTrue(try sandbox.problems(bad).contains { $0.line == 15 && $0.message.contains("`also_active` must be an array") })
    }

    /// `nanocrystals` on every phase: each phase's blocks at every method of `nanocrystal_gfn`, named
    /// by phase, block and method, carrying how they were cut; each active phase's verdict fits its own
    /// blocks against the inactive phase's, at the screen's `coverage`.
    func testNanocrystalsGiveEachVerdictItsBlocks() throws {
        let sandbox = try SpecSandbox()
        let spec = Self.spec(treatment: "unrelaxed")
            .replacingOccurrences(of: "protocol = \"unrelaxed\"", with: "protocol = \"unrelaxed\"\ncoverage = 0.25\nnanocrystal_gfn = [2, 1]")
            .replacingOccurrences(of: "bulk = \"2x2x2\" }", with: "bulk = \"2x2x2\", nanocrystals = [\"1x1x1\", \"2x2x2\"] }")
            .replacingOccurrences(of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\", nanocrystals = [\"1x2x1\"] }")
            .components(separatedBy: "\n\n[[glasses]]\nname = \"ZIF-62\"").first!
        let job = try sandbox.parse(spec)
        XCTAssertEqual(job.invalidStructures.map(\.name), [])
        let blocks = job.structures.filter { $0.nanocrystal != nil }
        XCTAssertEqual(blocks.map(\.name), ["CsPbI3-alpha-nc-1x1x1-gfn2", "CsPbI3-alpha-nc-1x1x1-gfn1",
                                            "CsPbI3-alpha-nc-2x2x2-gfn2", "CsPbI3-alpha-nc-2x2x2-gfn1",
                                            "CsPbI3-delta-nc-1x2x1-gfn2", "CsPbI3-delta-nc-1x2x1-gfn1"])
        XCTAssertEqual(blocks.map(\.method.settings.method.rawValue), ["gfn2", "gfn1", "gfn2", "gfn1", "gfn2", "gfn1"])
        XCTAssertEqual(blocks.map(\.formulaUnits), [1, 1, 8, 8, 8, 8])
        XCTAssertEqual(blocks.map { $0.structure.count }, [5, 5, 40, 40, 40, 40])
        XCTAssertTrue(blocks.allSatisfy { $0.method.recipe == .singlePoint })
        let verdict = try XCTUnwrap(job.verdicts.first)
        XCTAssertEqual(verdict.nanocrystals, VerdictSpec.Nanocrystals(active: "CsPbI3-alpha-nc-*", inactive: "CsPbI3-delta-nc-*",
                                                                      coverage: 0.25))
        XCTAssertEqual(job.structures.filter { ReactionPattern.matches(verdict.nanocrystals!.active, $0.name) }.count, 4,
                       "the active pattern takes the active phase's blocks only")

        // Without `nanocrystals` nothing changes; with them on one phase only, the spec says which lack them.
        XCTAssertNil(try sandbox.parse(Self.spec(treatment: "unrelaxed")).verdicts.first?.nanocrystals)
        let problems = try sandbox.problems(Self.spec()
            .replacingOccurrences(of: "bulk = \"2x2x2\" }", with: "bulk = \"2x2x2\", nanocrystals = [\"2x2x2\"] }"))
        XCTAssertTrue(problems.contains { $0.line == 10 && $0.message.contains("`nanocrystals` is given for alpha but not for delta") },
                      "\(problems)")
    }

    /// `nanocrystal_cell`: the blocks come from that cell (γ on its pseudo-cubic axes: 40 atoms per
    /// 1×1×1), the fragments and bulk from `cell`; without `nanocrystals` it is an error at its line.
    func testNanocrystalCellCutsTheBlocksFromItsOwnCell() throws {
        let sandbox = try SpecSandbox()
        let bulk = "\(Self.repository)/clusters/bulk"
        let spec = Self.spec(treatment: "unrelaxed")
            .replacingOccurrences(of: "bulk = \"2x2x2\" }", with: "bulk = \"2x2x2\", nanocrystals = [\"2x2x2\"] }")
            .replacingOccurrences(of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\", nanocrystals = [\"1x2x1\"] }\n"
                + "also_active = [{ phase = \"gamma\", cell = \"\(bulk)/CsPbI3-gamma.cif\", bulk = \"1x1x2\", "
                + "nanocrystals = [\"1x1x1\"], nanocrystal_cell = \"\(bulk)/CsPbI3-gamma-pc.extxyz\" }]")
            .components(separatedBy: "\n\n[[glasses]]\nname = \"ZIF-62\"").first!
        let job = try sandbox.parse(spec)
        XCTAssertEqual(job.invalidStructures.map(\.name), [])
        let gamma = try XCTUnwrap(job.structures.first { $0.name == "CsPbI3-gamma-nc-1x1x1-gfn2" })
        XCTAssertEqual(gamma.file, "\(bulk)/CsPbI3-gamma-pc.extxyz")
        XCTAssertEqual(gamma.structure.count, 40, "one pseudo-cubic cell: 8 units")
        XCTAssertEqual(job.structures.first { $0.name == "CsPbI3-gamma-bulk" }?.file, "\(bulk)/CsPbI3-gamma.cif")
        let bad = Self.spec().replacingOccurrences(
            of: "bulk = \"2x2x2\" }", with: "bulk = \"2x2x2\", nanocrystal_cell = \"\(bulk)/CsPbI3-gamma-pc.extxyz\" }")
        XCTAssertTrue(try sandbox.problems(bad).contains { $0.line == 13 && $0.message.contains("`nanocrystal_cell` needs `nanocrystals`") })
    }

    /// Bad `nanocrystals`, `coverage` and `nanocrystal_gfn` are refused at their lines.
    func testBadNanocrystalKeysAreSpecErrors() throws {
        let sandbox = try SpecSandbox()
        let spec = Self.spec()
            .replacingOccurrences(of: "protocol = \"frozen framework\"",
                                  with: "protocol = \"frozen framework\"\ncoverage = 1.5\nnanocrystal_gfn = [\"ff\"]")
            .replacingOccurrences(of: "bulk = \"2x2x2\" }", with: "bulk = \"2x2x2\", nanocrystals = [\"2x2\"] }")
            .replacingOccurrences(of: "bulk = \"1x2x1\" }", with: "bulk = \"1x2x1\", nanocrystals = [\"1x2x1\", \"1x2x1\"] }")
        let problems = try sandbox.problems(spec)
        XCTAssertTrue(problems.contains { $0.line == 9 && $0.message.contains("`coverage` must be in (0, 1]") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.line == 10 && $0.message.contains("`nanocrystal_gfn` must be an array of distinct methods 2 and/or 1") },
                      "\(problems)")
        XCTAssertTrue(problems.contains { $0.line == 15 && $0.message.contains("`nanocrystals` must be an array of distinct blocks") },
                      "\(problems)")
        XCTAssertTrue(problems.contains { $0.line == 16 && $0.message.contains("`nanocrystals` must be an array of distinct blocks") },
                      "\(problems)")
    }
}
