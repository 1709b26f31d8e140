import Engine
import Foundation
import Store
import Structures
import XCTest

/// One classification of errors for sp, opt, bulk and campaigns, with the texts the store has always held.
final class FailureClassTests: XCTestCase {
    func testStructureErrorsKeepTheirStoredTexts() {
        let expected: [(StructureError.Kind, String)] = [
            (.emptyFile, "empty_file"), (.truncatedFile, "truncated_file"), (.syntax, "syntax"),
            (.unknownElement, "unknown_element"), (.unsupportedElement, "unsupported_element"),
            (.nonFiniteCoordinate, "non_finite_coordinate"), (.atomsTooClose, "atoms_too_close"),
            (.electronCount, "electron_count"), (.unsupportedFormat, "unsupported_format"),
            (.unreadable, "unreadable"), (.unwritable, "unwritable"),
        ]
        for (kind, text) in expected {
            let (failureClass, message) = FailureClass.classify(StructureError(kind, file: "a.xyz", line: 3, "bad"))
            XCTAssertEqual(failureClass.rawValue, text)
            XCTAssertEqual(message, "a.xyz:3: bad")
        }
    }

    func testEngineErrorsAndOthersKeepTheirStoredTexts() {
        let expected: [(EngineError.Kind, String)] = [
            (.unsupported, "unsupported"), (.sccNotConverged, "scc_not_converged"), (.backend, "backend_error"),
        ]
        for (kind, text) in expected {
            let (failureClass, message) = FailureClass.classify(EngineError(kind, "xtb said no"))
            XCTAssertEqual(failureClass.rawValue, text)
            XCTAssertEqual(message, "xtb said no")
        }
        XCTAssertEqual(FailureClass.classify(CocoaError(.fileNoSuchFile)).failureClass.rawValue, "internal")
        XCTAssertEqual(FailureClass.classify(ClassifiedFailure(.crashed, "died")).failureClass.rawValue, "crashed")
        XCTAssertEqual(FailureClass.classify(ClassifiedFailure(.crashed, "died")).message, "died")
        XCTAssertEqual([FailureClass.quarantined, .blocked].map(\.rawValue), ["quarantined", "blocked"])
    }

    /// Every class has its own stored text and comes back from it, as text and as JSON.
    func testEveryClassRoundTripsThroughItsStoredText() throws {
        let texts = FailureClass.allCases.map(\.rawValue)
        XCTAssertEqual(Set(texts).count, texts.count, "two classes share a stored text: \(texts)")
        XCTAssertEqual(FailureClass.allCases.count, StructureError.Kind.allCases.count + EngineError.Kind.allCases.count + 4)
        for failureClass in FailureClass.allCases {
            XCTAssertEqual(FailureClass(rawValue: failureClass.rawValue), failureClass)
            let json = try JSONEncoder().encode([failureClass])
            XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"\(failureClass.rawValue)\"]")
            XCTAssertEqual(try JSONDecoder().decode([FailureClass].self, from: json), [failureClass])
        }
        XCTAssertNil(FailureClass(rawValue: "no_such_class"))
        XCTAssertThrowsError(try JSONDecoder().decode([FailureClass].self, from: Data("[\"no_such_class\"]".utf8)))
    }

    /// A real file cut short is read as the store has always classified it.
    func testATruncatedFileIsClassifiedAsBefore() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID().uuidString).xyz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "3\ncomment\nO 0 0 0\nH 0 0 0.96\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StructureFile.read(path: path)) { error in
            XCTAssertEqual(FailureClass.classify(error).failureClass.rawValue, "truncated_file")
            XCTAssertTrue(FailureClass.classify(error).message.contains(path))
        }
    }
}
