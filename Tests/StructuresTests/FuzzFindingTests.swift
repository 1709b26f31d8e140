import XCTest
@testable import Structures

/// Inputs the parser fuzzing found (Fixtures/fuzz/, docs/fuzzing.md): each one trapped on an
/// integer overflow or a Double → Int conversion; now each is read or rejected with a clear error.
final class FuzzFindingTests: XCTestCase {
    /// Reads the fixture like a campaign does: parse, then validate for GFN2-xTB.
    func load(_ name: String) throws -> Structure {
        let path = Fixtures.path("fuzz/" + name)
        let structure = try StructureFile.read(path: path)
        try StructureValidator.validate(structure, file: path, allowedElements: 1...Element.maxAtomicNumber,
                                        methodName: "GFN2-xTB")
        return structure
    }

    /// Atoms 6.7e25 Å apart: the close-contact grid converted their span to Int and trapped.
    func testCoordinatesFarApartAreValidated() throws {
        let s = try load("huge-coordinate-span.xyz")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s.positions[0].y, 66666666666666666666666661.0)
    }

    /// A cell 1e300 Å long: its face width, divided into bins, did not fit in an Int.
    func testHugeCellIsValidated() throws {
        XCTAssertEqual(try load("lattice-huge-width.xyz").lattice?.vectors[2].z, 1e300)
    }

    func testUHFAtIntMaxIsASyntaxError() {
        let error = assertThrows(.syntax, line: 2, try load("uhf-max.xyz"))
        XCTAssertTrue(error?.message.contains("uhf=9223372036854775807 is out of range") == true, "\(String(describing: error))")
    }

    func testMostNegativeChargeIsAnElectronCountError() {
        let error = assertThrows(.electronCount, try load("charge-most-negative.xyz"))
        XCTAssertTrue(error?.message.contains("charge -9223372036854775807 is out of range") == true, "\(String(describing: error))")
    }

    func testPropertiesColumnOverflowIsASyntaxError() {
        let error = assertThrows(.syntax, line: 2, try load("properties-column-overflow.xyz"))
        XCTAssertTrue(error?.message.contains("column counts add up to more than") == true, "\(String(describing: error))")
    }

    func testPOSCARCountsOverflowIsASyntaxError() {
        let error = assertThrows(.syntax, line: 7, try load("POSCAR-counts-overflow"))
        XCTAssertTrue(error?.message.contains("atom counts add up to more than") == true, "\(String(describing: error))")
    }
}
