import Foundation
import Models
import Store
import Structures
import XCTest
@testable import Campaign

/// `[[surfaces]]` in a job spec: read, checked with file:line errors, and planned as ordinary,
/// deterministic single-point tasks built by `SlabBuilder`.
final class SurfaceSpecTests: XCTestCase {
    static let cell = Repository.path("clusters/bulk/NaCl-rocksalt.extxyz")

    static func spec(_ surface: String) -> String {
        """
        [campaign]
        name = "surf"

        [[surfaces]]
        \(surface)
        """
    }

    static let valid = spec("""
        name = "NaCl-001"
        cell = "\(cell)"
        miller = "001"
        termination = "NaCl"
        layers = [2, 3]
        in_plane = ["1x1", "2x2"]
        vacuum = [12, 10]
        """)

    func testATableBecomesItsSlabsAndReferencesAsSinglePoints() throws {
        let parsed = try SpecSandbox().parse(Self.valid)
        XCTAssertEqual(parsed.surfaces.map(\.name), ["NaCl-001"])
        XCTAssertEqual(parsed.surfaces[0].vacuums, [10, 12], "vacuums ascending")
        XCTAssertEqual(parsed.structures.map(\.name), [
            "NaCl-001/slab-2L-1x1-v10", "NaCl-001/slab-2L-2x2-v10", "NaCl-001/slab-3L-1x1-v10",
            "NaCl-001/slab-3L-2x2-v10", "NaCl-001/bulk-oriented-1x1x2", "NaCl-001/bulk-oriented-2x2x2",
            "NaCl-001/slab-2L-1x1-v12", "NaCl-001/slab-2L-2x2-v12", "NaCl-001/slab-3L-1x1-v12",
            "NaCl-001/slab-3L-2x2-v12",
        ])
        let plan = CampaignPlan(spec: parsed)
        XCTAssertEqual(plan.tasks.count, 10)
        XCTAssertTrue(plan.tasks.allSatisfy { $0.kind == .singlePoint && $0.settings.method == .gfn2 })
        XCTAssertEqual(plan.surfaces.count, 1)
        // The slab is the one the `surface` command builds.
        let slab = try SlabBuilder.build(StructureFile.read(path: Self.cell),
                                         spec: SlabSpec(miller: MillerIndex(0, 0, 1), termination: "NaCl", layers: 3,
                                                        inPlane: (2, 2), vacuum: 12))
        XCTAssertEqual(parsed.structures[9].structure.contentHash, slab.structure.contentHash)
        XCTAssertEqual(parsed.structures[9].structure.count, 24)
    }

    func testPlanningTwiceGivesTheSameTasksAndHashes() throws {
        let sandbox = try SpecSandbox()
        let a = CampaignPlan(spec: try sandbox.parse(Self.valid))
        let b = CampaignPlan(spec: try sandbox.parse(Self.valid, name: "again.toml"))
        XCTAssertEqual(a.tasks.map(\.key), b.tasks.map(\.key))
        XCTAssertEqual(a.tasks.map(\.definitionHash), b.tasks.map(\.definitionHash))
        XCTAssertEqual(a.tasks.map { $0.input?.contentHash }, b.tasks.map { $0.input?.contentHash })
        XCTAssertEqual(Set(a.tasks.map(\.definitionHash)).count, a.tasks.count, "every task distinct")
        XCTAssertEqual(CampaignDefinition(plan: a, verdicts: []), CampaignDefinition(plan: b, verdicts: []))
    }

    func testTheDefinitionCarriesTheSurfacesForADatabaseAlone() throws {
        let plan = CampaignPlan(spec: try SpecSandbox().parse(Self.valid))
        let definition = CampaignDefinition(plan: plan, verdicts: [])
        let decoded = try JSONDecoder().decode(CampaignDefinition.self, from: JSONEncoder().encode(definition))
        XCTAssertEqual(decoded.surfaces, plan.surfaces)
        XCTAssertEqual(decoded.surfaces?.first?.cell.contentHash, try StructureFile.read(path: Self.cell).contentHash)
    }

    func testMistakesAreReportedAtTheirLines() throws {
        let problems = try SpecSandbox().problems(Self.spec("""
            name = "bad"
            cell = "missing.extxyz"
            miller = "0x1"
            termination = "Na-Cl"
            layers = [0, 2]
            in_plane = ["2by2"]
            vacuum = -5
            gfn = 0
            treshold = 0.01
            """))
        let byLine = Dictionary(grouping: problems, by: \.line).mapValues { $0.map(\.message).joined(separator: " | ") }
        XCTAssertTrue(byLine[6]?.contains("`cell` file \"missing.extxyz\" does not exist") == true, "\(problems)")
        XCTAssertTrue(byLine[7]?.contains("`miller` \"0x1\" is not a Miller index") == true, "\(problems)")
        XCTAssertTrue(byLine[8]?.contains("`termination` \"Na-Cl\" is not a formula") == true, "\(problems)")
        XCTAssertTrue(byLine[9]?.contains("`layers` must be an array of distinct integers ≥ 1") == true, "\(problems)")
        XCTAssertTrue(byLine[10]?.contains("`in_plane` must be") == true, "\(problems)")
        XCTAssertTrue(byLine[11]?.contains("`vacuum` must be a positive number") == true, "\(problems)")
        XCTAssertTrue(byLine[12]?.contains("needs `gfn` 2 or 1") == true, "\(problems)")
        XCTAssertTrue(byLine[13]?.contains("unknown key `treshold` in [[surfaces]] (did you mean `threshold`?)") == true,
                      "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.file.hasSuffix("spec.toml") })
    }

    func testMissingKeysAndATerminationWithoutSuchLayer() throws {
        let missing = try SpecSandbox().problems(Self.spec("""
            name = "short"
            cell = "\(Self.cell)"
            """))
        XCTAssertEqual(Set(missing.map(\.line)), [4], "\(missing)")
        for key in ["miller", "termination", "layers", "in_plane"] {
            XCTAssertTrue(missing.contains { $0.message.contains("needs `\(key)`") }, "\(key): \(missing)")
        }
        let noLayer = try SpecSandbox().problems(Self.spec("""
            name = "wrong"
            cell = "\(Self.cell)"
            miller = "001"
            termination = "NaCl2"
            layers = [2]
            in_plane = ["1x1"]
            """))
        XCTAssertEqual(noLayer.map(\.line), [8], "\(noLayer)")
        XCTAssertTrue(noLayer[0].message.contains("cannot cut the slab series") && noLayer[0].message.contains("NaCl2"),
                      noLayer[0].message)
    }

    func testDuplicateNamesAndALibxtbEngineAreRejected() throws {
        let table = """
            cell = "\(Self.cell)"
            miller = "001"
            termination = "NaCl"
            layers = [2]
            in_plane = ["1x1"]
            """
        let problems = try SpecSandbox().problems("""
            [campaign]
            name = "surf"

            [[surfaces]]
            name = "a"
            \(table)

            [[surfaces]]
            name = "a"
            \(table)

            [[surfaces]]
            name = "b"
            engine = "xtb"
            \(table)
            """)
        XCTAssertTrue(problems.contains { $0.line == 13 && $0.message.contains("duplicate surface name \"a\" (first defined at line 4)") },
                      "\(problems)")
        XCTAssertTrue(problems.contains { $0.line == 22 && $0.message.contains("cannot use engine \"xtb\"") }, "\(problems)")
    }

    func testSurfacesNamingOneExcessFileShareItsSeries() throws {
        let table = """
            cell = "\(Self.cell)"
            miller = "001"
            termination = "NaCl"
            layers = [2]
            in_plane = ["1x1"]
            excess_cell = "\(Self.cell)"
            """
        let parsed = try SpecSandbox().parse("""
            [campaign]
            name = "surf"

            [[surfaces]]
            name = "a"
            vacuum = 10
            \(table)

            [[surfaces]]
            name = "b"
            vacuum = 12
            \(table)
            """)
        let excess = parsed.structures.filter { $0.name.hasPrefix("NaCl-rocksalt/excess-") }
        XCTAssertFalse(excess.isEmpty)
        XCTAssertEqual(Set(excess.map(\.name)).count, excess.count, "each excess supercell planned once")
        XCTAssertEqual(Set(parsed.structures.map(\.name)).count, parsed.structures.count)
        XCTAssertEqual(parsed.structures.filter { $0.name.hasPrefix("a/") }.count, 2)
        XCTAssertEqual(parsed.structures.filter { $0.name.hasPrefix("b/") }.count, 2, "its slab and its oriented bulk")
    }

    func testTheShippedSurfaceSpecsAreValid() throws {
        let nacl = try JobSpecParser.parse(path: Repository.path("jobs/surfaces-nacl.toml"))
        XCTAssertEqual(nacl.surfaces.map(\.name), ["NaCl-001"])
        XCTAssertEqual(nacl.structures.count, 14)
        let cspbi3 = try JobSpecParser.parse(path: Repository.path("jobs/surfaces-cspbi3.toml"))
        XCTAssertEqual(cspbi3.surfaces.map(\.name), ["alpha-001-CsI", "gamma-010-CsI", "delta-100-ribbons",
                                                   "delta-001-ribbons", "delta-010"])
        XCTAssertEqual(cspbi3.structures.count, 89, "the count its comment and estimate state")
        XCTAssertTrue(cspbi3.structures.allSatisfy { $0.structure.count <= 320 })
    }
}
