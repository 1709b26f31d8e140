import Foundation
import FuzzMutations
import XCTest
@testable import Campaign

/// A short seeded fuzz run of the job-spec reader (the long libFuzzer run: fuzz/run spec).
///
/// Mutations of fuzz/corpus/spec are parsed as if they were jobs/fuzz.toml of this checkout, so
/// their structure paths reach the real clusters/ files; each must parse or fail with a
/// `JobSpecError`. A trap ends the test process. Fixed seed and number of inputs.
final class SpecFuzzRunTests: XCTestCase {
    static let seed: UInt64 = 13_07
    static let runs = 300

    func testMutatedSpecsParseOrFailClearly() throws {
        let corpus = try FuzzCorpus("spec")
        let path = FuzzCorpus.checkout + "/jobs/fuzz.toml"
        var mutator = SeededMutator(seed: Self.seed, words: corpus.words)
        print("fuzz spec: seed \(Self.seed), \(Self.runs) inputs from \(corpus.seeds.count) seed files")
        var (accepted, rejected) = (0, 0)
        for (index, input) in mutator.inputs(from: corpus.seeds, count: Self.runs).enumerated() {
            guard let text = String(data: Data(input), encoding: .utf8) else { continue }
            do {
                _ = try JobSpecParser.parse(text: text, path: path)
                accepted += 1
            } catch let error as JobSpecError {
                XCTAssertFalse(error.problems.isEmpty, "input \(index): an error without problems")
                rejected += 1
            } catch {
                XCTFail("input \(index): not a JobSpecError: \(error)")
            }
        }
        print("fuzz spec: \(accepted) accepted, \(rejected) rejected")
        XCTAssertGreaterThan(accepted, 0, "no mutated spec parsed: the run never got past the TOML syntax")
        XCTAssertGreaterThan(rejected, 0, "no mutated spec was rejected: the mutations did nothing")
    }
}
