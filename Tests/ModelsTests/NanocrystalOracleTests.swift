import Engine
import Foundation
import Models
import Structures
import XCTest
import XTBOracle

/// The α 2×2×2 nanocrystal through our libxtb engine against the `xtb` binary on the same geometry
/// (GFN2 single point): the block is an ordinary molecule to both.
final class NanocrystalOracleTests: XCTestCase {
    func testAlphaBlockGFN2EnergyEqualsTheBinarys() throws {
        _ = try XTBBinaryOracle.binary
        ThreadControl.apply(threads: 1)
        let cell = try NanocrystalBuilderTests.cell("CsPbI3-alpha")
        let block = try NanocrystalBuilder.build(cell: cell, repeats: SIMD3(2, 2, 2)).structure
        let ours = try XTBCalculator().singlePoint(block, settings: Settings(method: .gfn2))
        let oracle = try XTBBinaryOracle.run(block, arguments: ["--gfn", "2"])
        let reference = try XCTUnwrap(XTBBinaryOracle.parseTotalEnergy(oracle.stdout), oracle.stdout.suffix(2000).description)
        XCTAssertEqual(ours.energy, reference, accuracy: 1e-6)
    }
}
