import Analysis
import Foundation
import FuzzMutations
import XCTest

/// A short seeded fuzz run of the measured-CSV reader (the long libFuzzer run: fuzz/run csv).
///
/// Mutations of fuzz/corpus/csv must parse or fail with a `MeasuredCSVError`; a trap ends the
/// test process. Fixed seed and number of inputs, so a failure is reproduced by rerunning.
final class MeasuredCSVFuzzRunTests: XCTestCase {
    static let seed: UInt64 = 13_07
    static let runs = 1500

    func testMutatedFilesParseOrFailClearly() throws {
        let corpus = try FuzzCorpus("csv")
        var mutator = SeededMutator(seed: Self.seed, words: corpus.words)
        print("fuzz csv: seed \(Self.seed), \(Self.runs) inputs from \(corpus.seeds.count) seed files")
        var (accepted, rejected) = (0, 0)
        for (index, input) in mutator.inputs(from: corpus.seeds, count: Self.runs).enumerated() {
            guard let text = String(data: Data(input), encoding: .utf8) else { continue }
            do {
                _ = try MeasuredCSV.parse(text, file: "fuzz.csv")
                accepted += 1
            } catch let error as MeasuredCSVError {
                XCTAssertTrue(error.description.hasPrefix("fuzz.csv:"), "input \(index): \(error)")
                rejected += 1
            } catch {
                XCTFail("input \(index): not a MeasuredCSVError: \(error)")
            }
        }
        print("fuzz csv: \(accepted) accepted, \(rejected) rejected")
        XCTAssertGreaterThan(accepted, 0, "no mutated file parsed: the run never reached the rows")
        XCTAssertGreaterThan(rejected, 0, "no mutated file was rejected: the mutations did nothing")
    }
}
