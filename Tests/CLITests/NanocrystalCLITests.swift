import Foundation
import Store
import Structures
import XCTest

/// `interscreen build nanocrystal` on the α cell (the block, its numbers, usage and data errors),
/// and a campaign whose structure is a `nanocrystal` stores the block's row.
final class NanocrystalCLITests: XCTestCase {
    static let alpha = CLIHarness.repository.appendingPathComponent("clusters/bulk/CsPbI3-alpha.extxyz").path

    func testBuildWritesTheBlockAndPrintsItsNumbers() throws {
        let cli = try CLIHarness()
        let out = cli.path("alpha-nc.extxyz")
        let run = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "2x2x2", "-o", out, "--json"])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let json = try XCTUnwrap(run.jsonLines.first, run.stdout)
        XCTAssertEqual(json["formula_units"] as? Int, 8)
        XCTAssertEqual(json["atoms"] as? Int, 40)
        XCTAssertEqual(try XCTUnwrap(json["box_area_a2"] as? Double), 6 * pow(2 * 6.2894, 2), accuracy: 1e-9)
        let faces = try XCTUnwrap(json["face_areas_a2"] as? [Double])
        XCTAssertEqual(faces.count, 3)
        for face in faces { XCTAssertEqual(face, 2 * pow(2 * 6.2894, 2), accuracy: 1e-9) }
        XCTAssertEqual(json["surface_b_sites"] as? Int, 7)
        XCTAssertEqual(json["broken_bonds"] as? Int, 12)
        XCTAssertEqual(json["origin"] as? [Double], [0, 0, 0])
        let block = try StructureFile.read(path: out)
        XCTAssertEqual(block.count, 40)
        XCTAssertNil(block.lattice)
        XCTAssertEqual(block.contentHash, json["hash"] as? String)

        let text = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "2x2x2", "-o", out])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("8 formula units (2x2x2 cells), 40 atoms, box area 949.36 Å²"), text.stdout)
        XCTAssertTrue(text.stdout.contains("7 surface B sites, 12 broken B–X bonds (36 kept); origin (0, 0, 0)"), text.stdout)
    }

    func testBadRepeatsAreAUsageErrorAndANonPerovskiteADataError() throws {
        let cli = try CLIHarness()
        for bad in ["4x4", "0x1x1"] {
            let run = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", bad, "-o", cli.path("x.extxyz")])
            XCTAssertEqual(run.status, 64, run.stderr)
            XCTAssertTrue(run.stderr.contains("--repeats must be three positive integers"), run.stderr)
        }
        let salt = CLIHarness.repository.appendingPathComponent("clusters/bulk/NaCl-rocksalt.extxyz").path
        let run = try cli.run(["build", "nanocrystal", salt, "--repeats", "2x2x2", "-o", cli.path("x.extxyz")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("error: NaCl-rocksalt: not an ABX3 cell"), run.stderr)
    }

    /// `--glass-face` writes the face's sites into the block file, and `build exchange` binds the
    /// glass on the first of them (the Pb under it loses that I); a bad face is a usage error, a face
    /// without outward halides a data error naming the face to use ("-c" after a space is the
    /// option's value, not an option).
    func testGlassFaceFeedsTheExchangeBuilder() throws {
        let cli = try CLIHarness()
        let out = cli.path("alpha-332.extxyz")
        let run = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "3x3x2", "--glass-face=+c", "-o", out])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let frame = try XYZFormat.read(try String(contentsOfFile: out, encoding: .utf8))
        XCTAssertEqual(frame.info["glass_face"], "+c")
        let first = try XCTUnwrap(frame.info["glass_facing"]?.split(separator: " ").first.flatMap { Int($0) })
        let glass = CLIHarness.repository.appendingPathComponent("clusters/models/zn1.extxyz").path
        let exchange = try cli.run(["build", "exchange", "--perovskite", out, "--glass", glass, "--k", "1", "--sites", "1",
                                    "--ligand", "1", "--orientations", "1", "--out-dir", cli.path("products")])
        XCTAssertEqual(exchange.status, 0, exchange.stderr + exchange.stdout)
        let products = try FileManager.default.contentsOfDirectory(atPath: cli.path("products"))
        XCTAssertEqual(products.count, 1, "\(products)")
        let product = try XYZFormat.read(try String(contentsOfFile: cli.path("products/\(products[0])"), encoding: .utf8))
        XCTAssertTrue(product.info["sites"]?.hasSuffix(":I\(first)") ?? false, "\(product.info)")
        let adsorbed = try cli.run(["build", "adsorption", "--perovskite", out, "--glass", glass, "--sites", "1",
                                    "--ligand", "1", "--orientations", "1", "--out-dir", cli.path("adsorbed")])
        XCTAssertEqual(adsorbed.status, 0, adsorbed.stderr + adsorbed.stdout)
        let onFace = try FileManager.default.contentsOfDirectory(atPath: cli.path("adsorbed"))
        XCTAssertEqual(onFace.count, 1, "\(onFace)")
        XCTAssertTrue(onFace[0].contains("_zn1_ads_pb"), onFace[0])
        let adduct = try XYZFormat.read(try String(contentsOfFile: cli.path("adsorbed/\(onFace[0])"), encoding: .utf8))
        XCTAssertEqual(adduct.info["adsorption"], "intact")
        XCTAssertTrue(adduct.info["sites"]?.hasSuffix(":I\(first)") ?? false, "\(adduct.info)")
        let capped = try cli.run(["build", "adsorption", "--perovskite", out, "--glass", glass, "--ligand", "3",
                                  "--out-dir", cli.path("adsorbed")])
        XCTAssertEqual(capped.status, 1, capped.stderr)
        XCTAssertTrue(capped.stderr.contains("ligand 3 is not an exchangeable terminal anionic imidazolate"), capped.stderr)

        let bad = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "3x3x2", "--glass-face", "top", "-o", out])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--glass-face must be a face of the block"), bad.stderr)
        let bare = try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "3x3x2", "--glass-face", "-c", "-o", out])
        XCTAssertEqual(bare.status, 1, bare.stderr)
        XCTAssertTrue(bare.stderr.contains("face -c has no terminal halide for a glass unit to bind to; try +c"), bare.stderr)
    }

    /// `--glass-facing` puts a second glass unit on a product that already carries one: the
    /// product keeps both Zn, loses the named site's I to the new Zn, and says which site it used;
    /// an index list that is not one is a usage error, an index that is no halide a data error
    /// listing the terminal halides the file has.
    func testGlassFacingAddsASecondGlassUnitToAProduct() throws {
        let cli = try CLIHarness()
        let block = cli.path("alpha-222.extxyz")
        XCTAssertEqual(try cli.run(["build", "nanocrystal", Self.alpha, "--repeats", "2x2x2", "--glass-face", "+c", "-o", block]).status, 0)
        let sites = try XCTUnwrap(XYZFormat.read(try String(contentsOfFile: block, encoding: .utf8)).info["glass_facing"])
            .split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(sites.count, 4, "\(sites)")
        let glass = CLIHarness.repository.appendingPathComponent("clusters/models/zn1-meim.extxyz").path
        let place = ["--glass", glass, "--k", "1", "--ligand", "1", "--orientations", "1"]
        XCTAssertEqual(try cli.run(["build", "exchange", "--perovskite", block, "--sites", "1", "--out-dir", cli.path("one")] + place).status, 0)
        let one = cli.path("one/" + (try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cli.path("one")).first)))
        let onceBound = try XYZFormat.read(try String(contentsOfFile: one, encoding: .utf8)).structure
        // The first exchange took sites[0]'s I out of the block, so an I after it sits one place earlier.
        let rest = sites.dropFirst().map { $0 > sites[0] ? $0 - 1 : $0 }
        XCTAssertEqual(rest.map { onceBound.atomicNumbers[$0 - 1] }, [53, 53, 53])

        let run = try cli.run(["build", "exchange", "--perovskite", one, "--glass-facing", rest.map(String.init).joined(separator: " "),
                               "--out-dir", cli.path("two")] + place.dropLast() + ["4"])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        // The first glass unit is an obstacle for the second: placements into it are skipped.
        XCTAssertTrue(run.stdout.contains("from framework N") || run.stdout.contains("from framework C"), run.stdout)
        let products = try FileManager.default.contentsOfDirectory(atPath: cli.path("two"))
        XCTAssertGreaterThan(products.count, 0)
        for name in products {
            let twice = try XYZFormat.read(try String(contentsOfFile: cli.path("two/\(name)"), encoding: .utf8))
            XCTAssertEqual(twice.structure.atomicNumbers.filter { $0 == 30 }.count, 2, name)
            XCTAssertEqual(twice.structure.count, 2 * onceBound.count - 40, name)
            XCTAssertEqual(twice.structure.atomicNumbers.filter { $0 == 53 }.count, onceBound.atomicNumbers.filter { $0 == 53 }.count, name)
            let site = try XCTUnwrap(twice.info["sites"]?.split(separator: ":I").last.flatMap { Int($0) }, "\(twice.info)")
            XCTAssertTrue(rest.contains(site), "\(site) not in \(rest)")
        }
        let second = rest[0]

        let usage = try cli.run(["build", "exchange", "--perovskite", one, "--glass-facing", "0 x", "--out-dir", cli.path("bad")] + place)
        XCTAssertEqual(usage.status, 64, usage.stderr)
        XCTAssertTrue(usage.stderr.contains("--glass-facing must list 1-based atom indices"), usage.stderr)
        let notHalide = try cli.run(["build", "exchange", "--perovskite", one, "--glass-facing", "1", "--out-dir", cli.path("bad")] + place)
        XCTAssertEqual(notHalide.status, 1, notHalide.stderr)
        XCTAssertTrue(notHalide.stderr.contains("--glass-facing \"1\" must list 1-based indices of halide atoms (its terminal halides: "), notHalide.stderr)
        XCTAssertTrue(notHalide.stderr.contains(" \(second)"), notHalide.stderr)
    }

    func testACampaignStoresTheBlocksRow() throws {
        let cli = try CLIHarness()
        let spec = cli.path("nc.toml")
        try """
            [campaign]
            name = "nc"
            database = "nc.sqlite"

            [defaults]
            gfn = 2
            task = "sp"

            [[structures]]
            name = "alpha_nc"
            files = "\(Self.alpha)"
            nanocrystal = "1x1x1"
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let run = try cli.run(["run", spec])
        XCTAssertEqual(run.status, 0, run.stderr + run.stdout)
        let store = try ResultsStore(path: cli.path("nc.sqlite"))
        let rows = try store.nanocrystals()
        XCTAssertEqual(rows.count, 1)
        let (hash, row) = try XCTUnwrap(rows.first)
        XCTAssertEqual(row.repeats, "1x1x1")
        XCTAssertEqual(row.formulaUnits, 1)
        XCTAssertEqual(row.sourceFile, Self.alpha)
        XCTAssertEqual(try store.structureRecord(hash: hash)?.natoms, 5, "the row names the block's structure row")
        XCTAssertEqual(try store.calculations().map(\.structureHash), [hash])
    }
}
