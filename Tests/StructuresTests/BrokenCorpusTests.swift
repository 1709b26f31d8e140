import XCTest
@testable import Structures

/// Every file in Fixtures/broken/ fails with the expected kind, line and wording.
final class BrokenCorpusTests: XCTestCase {
    struct Expectation {
        var kind: StructureError.Kind
        var line: Int?
        var atom: Int? = nil
        /// Fragments the message must contain.
        var says: [String] = []
        /// Whether the failure comes from the validator (the file itself parses).
        var validator = false
    }

    let expectations: [String: Expectation] = [
        "empty.xyz": .init(kind: .emptyFile, line: nil, says: ["empty"]),
        "truncated.xyz": .init(kind: .truncatedFile, line: 1, says: ["count says 40, file has 39"]),
        "unknown-symbol.xyz": .init(kind: .unknownElement, line: 4, atom: 2, says: ["'Xx'"]),
        "nan-coordinate.xyz": .init(kind: .nonFiniteCoordinate, line: 5, atom: 3, says: ["nan"]),
        "inf-coordinate.xyz": .init(kind: .nonFiniteCoordinate, line: 4, atom: 2, says: ["inf"]),
        "letters-in-coordinate.xyz": .init(kind: .syntax, line: 5, atom: 3, says: ["'0.5x6' is not a number"]),
        "missing-count.xyz": .init(kind: .syntax, line: 1, says: ["number of atoms"]),
        "atoms-too-close.xyz": .init(kind: .atomsTooClose, line: nil, atom: 1,
                                     says: ["atoms 1 (H) and 2 (H) are 0.1 Å apart"], validator: true),
        "francium.xyz": .init(kind: .unsupportedElement, line: nil, atom: 3,
                              says: ["Fr (Z=87) at atom 3 is not supported by GFN2-xTB (Z = 1–86)"], validator: true),
        "odd-electrons.xyz": .init(kind: .electronCount, line: nil,
                                   says: ["odd electron count 9 with multiplicity 1", "multiplicity=2 (uhf=1)"], validator: true),
        "counts-mismatch.vasp": .init(kind: .syntax, line: 7, says: ["3 species", "2 counts"]),
        "vasp4-no-species.vasp": .init(kind: .syntax, line: 6, says: ["VASP 4", "element symbols"]),
        "POSCAR-truncated": .init(kind: .truncatedFile, line: 7, says: ["say 5, file has 4"]),
        "no-cell.cif": .init(kind: .syntax, line: 1, says: ["_cell_length_a"]),
        "not-utf8.xyz": .init(kind: .unreadable, line: nil, says: ["UTF-8"]),
        "structure.pdb": .init(kind: .unsupportedFormat, line: nil, says: ["structure.pdb"]),
    ]

    func testEveryBrokenFileFailsAsExpected() throws {
        for name in try Fixtures.names(in: "broken") {
            guard let expected = expectations[name] else { continue }
            let path = Fixtures.path("broken/" + name)
            do {
                let s = try StructureFile.read(path: path)
                XCTAssertTrue(expected.validator, "\(name) should not parse")
                try StructureValidator.validate(s, file: path, allowedElements: 1...86, methodName: "GFN2-xTB")
                XCTFail("\(name): no error")
            } catch let error as StructureError {
                XCTAssertEqual(error.kind, expected.kind, "\(name): \(error)")
                XCTAssertEqual(error.line, expected.line, "\(name): \(error)")
                XCTAssertEqual(error.atom, expected.atom, "\(name): \(error)")
                XCTAssertEqual(error.file, path, name)
                XCTAssertTrue(error.description.hasPrefix(path), name)
                for fragment in expected.says {
                    XCTAssertTrue(error.message.contains(fragment), "\(name): '\(error.message)' lacks '\(fragment)'")
                }
            }
        }
    }

    func testEveryBrokenFileHasAnExpectation() throws {
        let files = Set(try Fixtures.names(in: "broken"))
        XCTAssertEqual(files.subtracting(expectations.keys), [], "files without an expectation")
        XCTAssertEqual(Set(expectations.keys).subtracting(files), [], "expectations without a file")
    }
}
