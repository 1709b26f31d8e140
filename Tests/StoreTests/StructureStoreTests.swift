import Foundation
import XCTest
import Engine
import Structures
@testable import Store

final class StructureStoreTests: XCTestCase {
    func testStructureRoundTripIsExactForClustersAndCells() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        for (structure, hash) in [(StoreFixtures.water, "h-water"), (StoreFixtures.alpha, "h-alpha")] {
            let record = try store.saveStructure(structure, hash: hash, sourceFile: "in/\(structure.name).xyz")
            XCTAssertEqual(record.formula, structure.formula)
            XCTAssertEqual(record.natoms, structure.count)
            XCTAssertEqual(try store.structure(hash: hash), structure)
        }
        XCTAssertEqual(try store.structureRecord(hash: "h-alpha")?.pbc, "TTF")
        XCTAssertNil(try store.structureRecord(hash: "h-water")?.pbc)
        XCTAssertNil(try store.structure(hash: "absent"))
    }

    func testUpsertKeepsTheFirstNameAndSource() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        try store.saveStructure(StoreFixtures.water, hash: "h", sourceFile: "a.xyz")
        var renamed = StoreFixtures.water
        renamed.name = "H2O copy"
        let second = try store.saveStructure(renamed, hash: "h", sourceFile: "b.xyz")
        XCTAssertEqual(second.name, "water")
        XCTAssertEqual(second.sourceFile, "a.xyz")
        XCTAssertEqual(try store.counts().structures, 1)
    }

    func testContentHashOverloadUsesTheStructuresHash() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let record = try store.saveStructure(StoreFixtures.water, sourceFile: nil)
        XCTAssertEqual(record.hash, StoreFixtures.water.contentHash)
    }

    func testSettingsAreStoredOnceAndDecodeBack() throws {
        let store = try ResultsStore(path: try StoreFixtures.databasePath(self))
        let settings = Settings(method: .gfn1, accuracy: 0.1, solvent: "water")
        let first = try store.saveSettings(settings)
        try store.saveSettings(settings)
        XCTAssertEqual(first.hash, settings.hash)
        XCTAssertEqual(first.canonicalText, settings.canonicalText)
        XCTAssertEqual(try store.settings(hash: settings.hash), settings)
        XCTAssertEqual(try store.counts().settings, 1)
    }
}
