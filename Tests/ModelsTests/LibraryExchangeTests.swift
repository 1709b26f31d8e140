import Engine
import Foundation
import Models
import Structures
import XCTest
import XTBOracle

/// Exchange products of the library: one per new perovskite (Im onto a surface Pb or Sn, the
/// Br/Cl/I onto Zn) and one per new glass ligand (mIm, dcIm onto Pb), checked against the
/// intended bond graph; a GFN2 single point on the smallest CsSnI3 fragment.
final class LibraryExchangeTests: XCTestCase {
    func testOneValidProductPerNewPerovskite() throws {
        let glass = try BuilderFixtures.zn1()
        for cell in LibraryFixtures.cells {
            let fragment = try LibraryFixtures.fragment(cell.stem, units: 8)
            let surface = PerovskiteSurface(fragment)
            let result = try ExchangeBuilder.enumerate(surface: surface, glass: glass,
                                                       spec: ExchangeSpec(k: 1, ligands: [1], orientations: 1, maxProducts: 1))
            let product = try XCTUnwrap(result.products.first, "\(cell.stem): \(result.skipped.map(\.reason))")
            let s = product.structure
            XCTAssertEqual(s.count, fragment.structure.count + glass.structure.count, cell.stem)
            XCTAssertEqual(s.charge, 0)
            XCTAssertNoThrow(try ChemistryCheck.check(s), cell.stem)
            let metal = (Element.symbol(cell.b) ?? "").lowercased()
            XCTAssertTrue(product.name.hasPrefix("\(fragment.structure.name)_zn1_k1_\(metal)"), product.name)
            XCTAssertTrue(product.name.hasSuffix("_im1_o0"), product.name)
            try Self.checkBonds(product, metalZ: cell.b, halide: cell.x)
            if let molecule = cell.molecule {
                let pieces = LibraryFixtures.molecules(s).filter { $0 == molecule }
                XCTAssertEqual(pieces.count, 8, "\(cell.stem): the FA cations stay whole")
            }
        }
    }

    func testOneValidProductPerNewGlassLigand() throws {
        let surface = PerovskiteSurface(try BuilderFixtures.fragment("alpha"))
        for (ligand, tag, count) in [(GlassLigandVariant.methylImidazolate, "mim", 87), (.dichloroImidazolate, "dcim", 75)] {
            for zinc in [1, 4] {
                let glass = try LibraryFixtures.glass(ligand, zinc: zinc)
                let exchangeable = glass.ligands.indices.filter { glass.ligands[$0].isExchangeable }
                let result = try ExchangeBuilder.enumerate(surface: surface, glass: glass,
                                                           spec: ExchangeSpec(k: 1, ligands: [exchangeable[0] + 1], orientations: 1, maxProducts: 1))
                let product = try XCTUnwrap(result.products.first, "\(glass.structure.name): \(result.skipped.map(\.reason))")
                if zinc == 1 { XCTAssertEqual(product.structure.count, count) }
                XCTAssertTrue(product.name.contains("_\(tag)\(exchangeable[0] + 1)_"), product.name)
                XCTAssertNoThrow(try ChemistryCheck.check(product.structure))
                try Self.checkBonds(product, metalZ: 82, halide: 53)
                let moved = GlassLigandFinder.ligands(in: product.structure).filter { $0.atoms.first == product.transferred.lowerBound }
                XCTAssertEqual(moved.first?.kind.rawValue, ligand.rawValue, "the moved ligand is recognised on Pb")
            }
        }
    }

    /// The bond rule sees the new M–N bond at 2.55 Å and the new Zn–X at the halide's length,
    /// and the moved ligand is one piece.
    static func checkBonds(_ product: ExchangeProduct, metalZ: Int, halide: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let s = product.structure
        let graph = BondGraph(s)
        let n = product.transferred.lowerBound + 2
        XCTAssertEqual(s.atomicNumbers[n], 7, file: file, line: line)
        let metals = graph.neighbours[n].filter { s.atomicNumbers[$0] == metalZ }
        XCTAssertEqual(metals.count, 1, "\(product.name): the moved N binds one surface metal", file: file, line: line)
        if let m = metals.first { XCTAssertEqual(builderLength(s.positions[m] - s.positions[n]), 2.55, accuracy: 1e-9, file: file, line: line) }
        let x = s.count - 1
        XCTAssertEqual(s.atomicNumbers[x], halide, file: file, line: line)
        let zn = graph.neighbours[x].filter { s.atomicNumbers[$0] == 30 }
        XCTAssertEqual(zn.count, 1, "\(product.name): the moved halide binds Zn", file: file, line: line)
        if let z = zn.first {
            XCTAssertEqual(builderLength(s.positions[z] - s.positions[x]), ExchangeSpec.zincHalide(for: halide), accuracy: 1e-9, file: file, line: line)
        }
        let moved = Set(product.transferred)
        let own = graph.bonds.filter { moved.contains($0.i) && moved.contains($0.j) }
        let pieces = BondGraph(atomicNumbers: s.atomicNumbers, bonds: Set(own)).components().filter { moved.contains($0[0]) }
        XCTAssertEqual(pieces.count, 1, "\(product.name): the moved ligand is whole", file: file, line: line)
    }

    /// GFN2 in process on the 4-unit α-CsSnI3 fragment: converged, positive gap, and the xtb
    /// binary's energy when it is installed.
    func testGFN2SinglePointOnASmallTinFragment() throws {
        let fragment = try LibraryFixtures.fragment("CsSnI3-alpha", units: 4).structure
        XCTAssertEqual(fragment.formula, "Cs4I12Sn4")
        ThreadControl.apply(threads: 1)
        let calculator = try XTBCalculator()
        let point = try calculator.singlePoint(fragment, settings: Settings(method: .gfn2))
        XCTAssertTrue(point.sccConverged)
        XCTAssertTrue(point.energy.isFinite && point.energy < 0)
        XCTAssertGreaterThan(try XCTUnwrap(point.gapEV), 0)
        let binary = try XTBBinaryOracle.run(fragment, arguments: ["--gfn", "2"])
        XCTAssertEqual(point.energy, binary.energy, accuracy: 1e-6)
    }
}
