import XCTest
@testable import Structures

final class ElementTests: XCTestCase {
    func testLookups() {
        XCTAssertEqual(Element.symbol(82), "Pb")
        XCTAssertEqual(Element.symbol(87), "Fr")
        XCTAssertNil(Element.symbol(0))
        XCTAssertNil(Element.symbol(119))
        for symbol in ["Pb", "PB", "pb", " Pb "] { XCTAssertEqual(Element.number(symbol), 82, symbol) }
        XCTAssertNil(Element.number("Pb1"))
        XCTAssertNil(Element.number("Xx"))
        XCTAssertEqual(Element.mass(1), 1.008)
        XCTAssertEqual(Element.mass(82), 207.2)
        XCTAssertNil(Element.mass(87))
        XCTAssertEqual(Element.covalentRadius(6), 0.76)
        XCTAssertEqual(Element.covalentRadius(82), 1.46)
    }

    func testLabels() {
        let cases: [(String, Int?)] = [("Pb1", 82), ("I2a", 53), ("Cs_sv", 55), ("Pb_d", 82), ("O2-", 8),
                                       ("Cl-", 17), ("C12", 6), ("Ca1", 20), ("N", 7), ("1H", nil), ("Q1", nil)]
        for (label, z) in cases { XCTAssertEqual(Element.number(fromLabel: label), z, label) }
    }

    func testTableIsConsistent() {
        XCTAssertEqual(Element.table.count, 86)
        for z in 1...118 { XCTAssertEqual(Element.number(Element.symbol(z)!), z) }
        for z in 2...86 { XCTAssertGreaterThan(Element.mass(z)!, 0) }
        XCTAssertTrue((1...86).allSatisfy { (0.2...2.5).contains(Element.covalentRadius($0)!) })
    }

    func testHillFormula() {
        let cspbi3 = Structure(name: "", atomicNumbers: Array(repeating: [55, 82, 53, 53, 53], count: 8).flatMap { $0 },
                               positions: Array(repeating: .zero, count: 40))
        XCTAssertEqual(cspbi3.formula, "Cs8I24Pb8")
        let zn = [30] + Array(repeating: 6, count: 12) + Array(repeating: 1, count: 16) + Array(repeating: 7, count: 8)
        XCTAssertEqual(Structure(name: "", atomicNumbers: zn, positions: Array(repeating: .zero, count: zn.count)).formula,
                       "C12H16N8Zn")
        XCTAssertEqual(Samples.water.formula, "H2O")
        let hcl = Structure(name: "", atomicNumbers: [17, 1], positions: [.zero, Vec3(1.27, 0, 0)])
        XCTAssertEqual(hcl.formula, "ClH")
    }
}
