import FuzzMutations
import XCTest
@testable import Structures

/// A short seeded fuzz run of the structure readers (the long libFuzzer runs: fuzz/run, docs/fuzzing.md).
///
/// Mutations of fuzz/corpus/TARGET must be read or rejected with a `StructureError`, by the
/// reader or by the validator a campaign runs next. A trap ends the test process, which fails
/// the suite; rerunning reproduces it (fixed seed, fixed number of inputs).
final class StructureFuzzRunTests: XCTestCase {
    static let seed: UInt64 = 13_07
    static let runs = 600

    func testXYZ() throws {
        try run("xyz") { try XYZFormat.readAll($0, file: "fuzz.xyz").map(\.structure) }
    }

    func testPOSCAR() throws {
        try run("poscar") { [try POSCARFormat.read($0, file: "POSCAR")] }
    }

    func testCIF() throws {
        try run("cif") { [try CIFFormat.read($0, file: "fuzz.cif")] }
    }

    func run(_ target: String, read: (String) throws -> [Structure]) throws {
        let corpus = try FuzzCorpus(target)
        var mutator = SeededMutator(seed: Self.seed, words: corpus.words)
        print("fuzz \(target): seed \(Self.seed), \(Self.runs) inputs from \(corpus.seeds.count) seed files")
        var (accepted, rejected) = (0, 0)
        for (index, input) in mutator.inputs(from: corpus.seeds, count: Self.runs).enumerated() {
            guard let text = String(validating: input, as: UTF8.self) else { continue }
            do {
                for structure in try read(text) {
                    try StructureValidator.validate(structure, file: "fuzz", allowedElements: 1...Element.maxAtomicNumber,
                                                    methodName: "GFN2-xTB")
                }
                accepted += 1
            } catch is StructureError {
                rejected += 1
            } catch {
                XCTFail("input \(index): not a StructureError: \(error)")
            }
        }
        print("fuzz \(target): \(accepted) accepted, \(rejected) rejected")
        XCTAssertGreaterThan(accepted, 0, "no mutated input was valid: the run did not reach the validator")
        XCTAssertGreaterThan(rejected, 0, "no mutated input was rejected: the mutations did nothing")
    }
}
