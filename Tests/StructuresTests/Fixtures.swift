import Foundation
import XCTest
@testable import Structures

/// Paths of the test fixtures (copied into the test bundle by SwiftPM).
enum Fixtures {
    static var root: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// File names in a fixture folder, sorted.
    static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(folder)).sorted()
    }
}

/// A scratch directory removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("structures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Asserts that two structures have the same atoms, cell, charge and multiplicity.
func assertSameStructure(_ a: Structure, _ b: Structure, accuracy: Double = 1e-9,
                         file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.atomicNumbers, b.atomicNumbers, file: file, line: line)
    XCTAssertEqual(a.charge, b.charge, file: file, line: line)
    XCTAssertEqual(a.multiplicity, b.multiplicity, file: file, line: line)
    XCTAssertEqual(a.lattice?.pbc, b.lattice?.pbc, file: file, line: line)
    XCTAssertEqual(a.lattice == nil, b.lattice == nil, file: file, line: line)
    for (u, v) in zip(a.lattice?.vectors ?? [], b.lattice?.vectors ?? []) {
        XCTAssertLessThanOrEqual(maxDifference(u, v), accuracy, file: file, line: line)
    }
    for (u, v) in zip(a.positions, b.positions) {
        XCTAssertLessThanOrEqual(maxDifference(u, v), accuracy, file: file, line: line)
    }
}

func maxDifference(_ u: Vec3, _ v: Vec3) -> Double { let d = u - v; return max(abs(d.x), abs(d.y), abs(d.z)) }

/// Asserts that `body` throws a `StructureError` of `kind`, and returns it.
@discardableResult
func assertThrows<T>(_ kind: StructureError.Kind, line expectedLine: Int? = nil, _ body: @autoclosure () throws -> T,
                     file: StaticString = #filePath, line: UInt = #line) -> StructureError? {
    do {
        _ = try body()
        XCTFail("expected a \(kind) error", file: file, line: line)
    } catch let error as StructureError {
        XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
        if let expectedLine { XCTAssertEqual(error.line, expectedLine, "\(error)", file: file, line: line) }
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}

/// Small structures used across tests.
enum Samples {
    static let water = Structure(name: "water", atomicNumbers: [8, 1, 1],
                                 positions: [Vec3(0, 0, 0.1173), Vec3(0, 0.7572, -0.4692), Vec3(0, -0.7572, -0.4692)])

    static let alpha = Structure(name: "alpha", atomicNumbers: [55, 82, 53, 53, 53],
                                 positions: [Vec3(3.1447, 3.1447, 3.1447), .zero, Vec3(3.1447, 0, 0),
                                             Vec3(0, 3.1447, 0), Vec3(0, 0, 3.1447)],
                                 lattice: Lattice(vectors: [Vec3(6.2894, 0, 0), Vec3(0, 6.2894, 0), Vec3(0, 0, 6.2894)]))

    /// Random atoms (H…Rn) in a skewed periodic cell, with awkward numbers.
    static func random(count: Int, seed: UInt64, periodic: Bool = true) -> Structure {
        var rng = SplitMix(seed: seed)
        let lattice = Lattice(vectors: [Vec3(7.1 + rng.unit(), 0.3, -0.2), Vec3(-1.3, 8.4 + rng.unit(), 0.1),
                                        Vec3(0.7, -0.4, 9.9 + rng.unit())], pbc: [true, true, periodic])
        let positions = (0..<count).map { _ in Vec3(rng.unit(), rng.unit(), rng.unit()) * 10 - 1 }
        return Structure(name: "random", atomicNumbers: (0..<count).map { _ in 1 + Int(rng.next() % 86) },
                         positions: positions, charge: -1, multiplicity: 2, lattice: lattice)
    }
}

/// Deterministic random numbers (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
