import Foundation
import XCTest

/// `interscreen surface --termination ribbons` cuts δ-CsPbI3 between its Pb2I6 chains
/// (docs/surfaces.md "δ cleavage planes"): a plane along the chains computes, a plane across them is refused.
final class SurfaceRibbonsCLITests: XCTestCase {
    private let cell = CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-delta.cif").path

    func testAPlaneAlongTheChainsGivesAStoichiometricSlabAndItsSurfaceEnergy() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["surface", cell, "--miller", "100", "--termination", "ribbons", "--layers", "2,3",
                                  "--in-plane", "1x1", "--vacuum", "15", "--vacuum-series", "none",
                                  "--db", cli.path("s.sqlite"), "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(result.jsonLines.last, result.stderr)
        XCTAssertEqual(object["termination"] as? String, "ribbons")
        XCTAssertEqual(object["miller"] as? String, "100")
        let natoms = try XCTUnwrap(object["natoms"] as? Int)
        XCTAssertEqual(natoms % 5, 0, "a ribbon slab holds whole CsPbI3 units")
        let gamma = try XCTUnwrap(object["surface_energy_j_m2"] as? Double)
        XCTAssertTrue(gamma.isFinite)
    }

    func testAPlaneAcrossTheChainsIsRefusedNamingTheChainAxis() throws {
        let cli = try CLIHarness()
        let result = try cli.run(["surface", cell, "--miller", "010", "--termination", "ribbons",
                                  "--db", cli.path("s.sqlite")])
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("the plane cuts the chains, which run along [010]"), result.stderr)
    }
}
