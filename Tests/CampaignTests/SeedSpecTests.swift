import Foundation
import Structures
import XCTest
@testable import Campaign

/// The shipped seed-study specs parse, and the default job computes exactly the geometries the
/// full job optimised (same content hashes), so the two give the same reaction energies.
final class SeedSpecTests: XCTestCase {
    func testTheFullSpecOptimisesTheProductsWithTheFrameworkFrozen() throws {
        let full = try JobSpecParser.parse(path: Repository.path("jobs/cspbi3-agzif62-full.toml"))
        let products = full.structures.filter { $0.name.contains("_zn1_k1_") }
        XCTAssertEqual(products.count, 18, "6 per phase: alpha, delta, gamma")
        XCTAssertTrue(products.allSatisfy { $0.method.recipe == .optimizeThenSinglePoint && $0.method.freeze == "1-39" })
        let bulk = try XCTUnwrap(full.reactions.first { $0.name == "bulk delta-alpha" })
        XCTAssertEqual(bulk.normalization?.count, 64)
        XCTAssertEqual(full.verdicts.map(\.name), ["frozen framework", "frozen framework gamma"])
        XCTAssertEqual(full.verdicts.map(\.activePhase), ["alpha", "gamma"])
        XCTAssertEqual(full.verdicts.last?.bulkConverged, true, "gamma's series converges at 3x2x3 (docs/bulk.md)")
        XCTAssertEqual(full.structures.first { $0.name == "alpha_bulk" }?.structure.count, 320)
        XCTAssertEqual(full.structures.first { $0.name == "gamma_bulk" }?.structure.count, 360)
        let gammaBulk = try XCTUnwrap(full.reactions.first { $0.name == "bulk delta-gamma" })
        XCTAssertEqual(gammaBulk.normalization?.count, 288, "4 × 72 formula units of gamma 3x2x3")
        // Every gamma reaction's product is one of the gamma products, each reaction balanced by the parser.
        let gamma = full.reactions.filter { $0.name.hasPrefix("interface gamma frozen ") }
        XCTAssertEqual(gamma.count, 6)
        XCTAssertTrue(gamma.allSatisfy { r in products.contains { $0.name == r.products[0].name } })
    }

    func testTheDefaultSpecComputesTheOptimisedGeometriesItNames() throws {
        let spec = try JobSpecParser.parse(path: Repository.path("jobs/cspbi3-agzif62.toml"))
        XCTAssertEqual(spec.invalidStructures.map(\.name), [])
        XCTAssertTrue(spec.structures.allSatisfy { $0.method.recipe == .singlePoint })
        XCTAssertEqual(spec.verdicts.map(\.name), ["frozen framework", "frozen framework gamma"])
        XCTAssertEqual(spec.verdicts.map(\.nanocrystals?.active), ["alpha_nc_*", "gamma_nc_*"])
        XCTAssertEqual(spec.verdicts.map(\.bulkConverged), [true, true], "γ 2x2x3 is within 0.38 kJ/mol of 3x2x3")
        XCTAssertEqual(spec.structures.first { $0.name == "gamma_bulk" }?.structure.count, 240)
        // Each optimised file names the content hash the full run stored for it.
        let optimized = spec.structures.filter { $0.file.contains("clusters/models/optimized/") }
        XCTAssertFalse(optimized.isEmpty)
        for entry in optimized {
            let frame = try XYZFormat.readAll(try String(contentsOfFile: entry.file, encoding: .utf8), file: entry.file,
                                              name: entry.name)[0]
            XCTAssertEqual(frame.info["hash"], entry.structure.contentHash, entry.file)
        }
        // Every interface reaction's product is one of those files, and the bulk reaction is per CsPbI3.
        for reaction in spec.reactions where reaction.name.hasPrefix("interface") {
            XCTAssertTrue(optimized.contains { $0.name == reaction.products[0].name }, reaction.name)
        }
        XCTAssertEqual(spec.reactions.first { $0.name == "bulk delta-alpha" }?.normalization?.count, 32)
    }

    func testTheRelaxedSpecFreesEveryOptimisationAndComparesBothProtocols() throws {
        let spec = try JobSpecParser.parse(path: Repository.path("jobs/cspbi3-agzif62-relaxed.toml"))
        XCTAssertEqual(spec.invalidStructures.map(\.name), [])
        let optimised = spec.structures.filter { $0.method.recipe == .optimizeThenSinglePoint }
        XCTAssertEqual(optimised.count, 6)
        XCTAssertTrue(optimised.allSatisfy { $0.method.freeze == nil }, "protocols (b) and (c) freeze nothing")
        XCTAssertEqual(spec.verdicts.count, 2)
        // (b) starts from the relaxed fragment, (c) from the bulk cut; both end in the same relaxed product.
        for reaction in spec.reactions where reaction.name.hasPrefix("interface") {
            let fragment = reaction.reactants.map(\.name).first { $0.hasSuffix("8") || $0.hasSuffix("8_relaxed") }
            XCTAssertEqual(fragment?.hasSuffix("_relaxed"), reaction.name.contains("protocol-b"), reaction.name)
            XCTAssertTrue(optimised.contains { $0.name == reaction.products[0].name }, reaction.name)
        }
    }

    func testTheZn4SpecExchangesTwoLigandsOnEverySitePair() throws {
        let spec = try JobSpecParser.parse(path: Repository.path("jobs/cspbi3-zn4-k2.toml"))
        XCTAssertEqual(spec.invalidStructures.map(\.name), [])
        let products = spec.structures.filter { $0.name.contains("_k2_") }
        XCTAssertEqual(products.count, 8, "\(products.map(\.name))")
        // 40 perovskite atoms less the two iodides that moved onto Zn stay frozen.
        XCTAssertTrue(products.allSatisfy { $0.structure.count == 144 && $0.method.freeze == "1-38" },
                      "\(products.map { ($0.structure.count, $0.method.freeze ?? "-") })")
        let glass = try XCTUnwrap(spec.structures.first { $0.name == "ZIF-4" })
        XCTAssertEqual(glass.structure.count, 104)
        XCTAssertEqual(spec.verdicts.map(\.name), ["CsPbI3/ZIF-4"])
    }
}
