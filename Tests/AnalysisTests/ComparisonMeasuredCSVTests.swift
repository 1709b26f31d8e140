import Analysis
import Foundation
import XCTest

/// The measured-observations CSV: RFC 4180 quoting, the documented columns, errors with file and line.
final class ComparisonMeasuredCSVTests: XCTestCase {
    static let header = "pairing,perovskite,glass,composition,sintering_temperature_C,quantity,value,unit,kind,source\n"

    func parse(_ body: String) throws -> [MeasuredObservation] {
        try MeasuredCSV.parse(Self.header + body, file: "t.csv")
    }

    func assertError(_ body: String, line: Int, contains text: String, file: StaticString = #filePath, lineNo: UInt = #line) {
        XCTAssertThrowsError(try parse(body), file: file, line: lineNo) { error in
            guard let error = error as? MeasuredCSVError else { return XCTFail("\(error)", file: file, line: lineNo) }
            XCTAssertEqual(error.file, "t.csv", file: file, line: lineNo)
            XCTAssertEqual(error.line, line, error.description, file: file, line: lineNo)
            XCTAssertTrue(error.description.contains(text), error.description, file: file, line: lineNo)
            XCTAssertTrue(error.description.hasPrefix("t.csv:\(line): "), error.description, file: file, line: lineNo)
        }
    }

    func testQuotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let rows = try parse("""
            A/B,A,B,0.40,350,gamma_phase_retention,near_complete,qualitative,measured,"text: 'a, b' said ""yes""
            second line"
            A/B,A,B,,,gamma_CsPbI3_wt_percent,13.7,wt%,computed-xTB,plain\r\n
            """)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].source, "text: 'a, b' said \"yes\"\nsecond line")
        XCTAssertEqual(rows[0].value, .qualitative("near_complete"))
        XCTAssertEqual(rows[0].composition, 0.40)
        XCTAssertEqual(rows[0].sinteringTemperatureC, 350)
        XCTAssertEqual(rows[0].line, 2)
        XCTAssertEqual(rows[1].line, 4, "the second record starts after the quoted line break")
        XCTAssertEqual(rows[1].value, .number(13.7))
        XCTAssertEqual(rows[1].kind, .computed(method: "xTB"))
        XCTAssertNil(rows[1].composition)
        XCTAssertEqual(rows[1].location, "t.csv:4")
    }

    func testColumnsInAnyOrder() throws {
        let text = "source,kind,unit,value,quantity,sintering_temperature_C,composition,glass,perovskite,pairing\n"
            + "s,measured,C,290,glass_transition,,0.00,agZIF-62,CsPbI3,CsPbI3/agZIF-62\n"
        let row = try XCTUnwrap(try MeasuredCSV.parse(text, file: "t.csv").first)
        XCTAssertEqual(row.pairing, "CsPbI3/agZIF-62")
        XCTAssertEqual(row.value, .number(290))
    }

    func testErrorsNameTheLine() {
        assertError("A/B,A,B,0.4,350,q,1,C,measured,s\nA/B,A,B,0.4,350,q,1,C,measured\n", line: 3, contains: "9 fields, the header has 10")
        assertError("A/B,A,B,0.4,350,q,1,C,measured,\"never closed\n\n", line: 2, contains: "never closed")
        assertError("\nA/B,A,B,0.4,350,q,1,C,measured,s\nA/B,A,B,1.5,350,q,1,C,measured,s\n", line: 4, contains: "mass fraction")
        assertError("A/B,A,B,0.4,hot,q,1,C,measured,s\n", line: 2, contains: "sintering_temperature_C")
        assertError("A/B,A,B,0.4,350,q,1,C,guessed,s\n", line: 2, contains: "column kind")
        assertError("A/B,A,B,0.4,350,q,near_complete,wt%,measured,s\n", line: 2, contains: "qualitative")
        assertError("A/B,A,B,0.4,350,q,12,qualitative,measured,s\n", line: 2, contains: "real unit")
        assertError(",A,B,0.4,350,q,1,C,measured,s\n", line: 2, contains: "pairing is empty")
        assertError("A/B,A,B,0.4,350,q,1,C,measured,a \"quoted\" word\n", line: 2, contains: "quote inside an unquoted field")
        assertError("A/B,A,B,0.4,350,q,Near Complete,qualitative,measured,s\n", line: 2, contains: "neither a number nor a word")
    }

    /// Three mistakes on three lines come back from one run, each with its line.
    func testEveryProblemIsReportedAtOnce() {
        let body = "A/B,A,B,1.5,350,q,1,C,measured,s\n"          // line 2: composition
            + "A/B,A,B,0.4,hot,q,1,C,guessed,s\n"                // line 3: temperature and kind
            + "A/B,A,B,0.4,350,q,1,C,measured\n"                 // line 4: a field short
        XCTAssertThrowsError(try parse(body)) { error in
            guard let error = error as? MeasuredCSVError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.problems.map(\.line), [2, 3, 3, 4], error.description)
            let lines = error.description.split(separator: "\n")
            XCTAssertEqual(lines.count, 4)
            XCTAssertTrue(lines[0].hasPrefix("t.csv:2: column composition"), String(lines[0]))
            XCTAssertTrue(lines[1].hasPrefix("t.csv:3: column sintering_temperature_C"), String(lines[1]))
            XCTAssertTrue(lines[2].hasPrefix("t.csv:3: column kind"), String(lines[2]))
            XCTAssertTrue(lines[3].hasPrefix("t.csv:4: 9 fields"), String(lines[3]))
        }
    }

    /// yes/no in their usual spellings, words with `-` (as the README allows) and capitals.
    func testBooleanSpellingsAndWordRule() throws {
        let spellings = ["Yes", "YES", "true", "TRUE", "y", "1", "No", "false", "0", "N"]
        let rows = try parse(spellings.enumerated().map { i, v in
            "A/B,A,B,,,black_phase_stabilised,\(v),qualitative,measured,s\(i)\n"
        }.joined() + "A/B,A,B,,,gamma_phase_retention,Mixed_gamma-delta,Qualitative,Measured,s\n")
        XCTAssertEqual(rows.map(\.value.description),
                       ["yes", "yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "mixed_gamma-delta"])
        XCTAssertEqual(rows.last?.unit, "qualitative")
        XCTAssertEqual(rows.last?.kind, .measured)
        XCTAssertEqual(try parse("A/B,A,B,,,q,1,wt%,measured,s\n").first?.value, .number(1), "1 with a unit is a number")
        assertError("A/B,A,B,,,q,a b,qualitative,measured,s\n", line: 2, contains: "a–z, 0–9, _, -")
    }

    func testHeaderErrors() {
        XCTAssertThrowsError(try MeasuredCSV.parse("pairing,value\n", file: "h.csv")) { error in
            XCTAssertTrue("\(error)".hasPrefix("h.csv:1: missing column(s): perovskite"), "\(error)")
        }
        XCTAssertThrowsError(try MeasuredCSV.parse(String(Self.header.dropLast()) + ",extra\n", file: "h.csv")) { error in
            XCTAssertTrue("\(error)".contains("unknown column \"extra\""), "\(error)")
        }
        XCTAssertThrowsError(try MeasuredCSV.parse("", file: "h.csv"))
    }

    /// jobs/measured/li2023.csv keeps the paper's 17 rows, all mapped to CsPbI3/agZIF-62.
    func testShippedLi2023FileReads() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("jobs/measured/li2023.csv").path
        let rows = try MeasuredCSV.parse(try String(contentsOfFile: path, encoding: .utf8), file: "li2023.csv")
        XCTAssertEqual(rows.count, 17)
        XCTAssertTrue(rows.allSatisfy { $0.pairing == "CsPbI3/agZIF-62" })
        XCTAssertEqual(rows.filter { $0.kind == .computed(method: "xTB") }.map(\.quantity),
                       ["bulk_delta_minus_alpha", "interface_reaction_energy_alpha", "interface_reaction_energy_delta"])
        let retention = try XCTUnwrap(rows.first { $0.quantity == "gamma_phase_retention" })
        XCTAssertEqual(retention.value, .qualitative("near_complete"))
        XCTAssertEqual(retention.composition, 0.40)
        XCTAssertEqual(retention.sinteringTemperatureC, 350)
    }

    /// jobs/measured/literature.csv: Hou et al. 2021, and its phase statement reads as stabilised.
    func testShippedLiteratureFileReadsAndScoresTheBlackPhase() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("jobs/measured/literature.csv").path
        let rows = try MeasuredCSV.parse(try String(contentsOfFile: path, encoding: .utf8), file: "literature.csv")
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows.allSatisfy { $0.pairing == "CsPbI3/agZIF-62" && $0.source.contains("Hou et al.") })
        let phase = try XCTUnwrap(rows.first { $0.quantity == "black_phase_stabilised" })
        XCTAssertEqual(ObservationReading.of(phase.quantity).stabilised(phase.value), true)
        XCTAssertEqual(ObservationReading.of(phase.quantity).stabilised(.qualitative("no")), false)
        let retention = try XCTUnwrap(rows.first { $0.quantity == "pl_retention_water_10000h" })
        XCTAssertNil(ObservationReading.of(retention.quantity).stabilised(retention.value), "listed, not scored")
    }
}
